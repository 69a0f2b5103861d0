import Testing
@testable import ClaimPack

@Test(arguments: ["0", "1500", "1500.00", "0.5", "1240.000"])
func decimalAmountKeepsTextAsWritten(_ text: String) {
    #expect(DecimalAmount(text)?.text == text)
}

@Test(arguments: ["", "1500.", ".5", "1 500", "1500,00", "-10", "+10", "1e3", "1.2.3", "١٢٣"])
func decimalAmountRejectsNonDecimals(_ text: String) {
    #expect(DecimalAmount(text) == nil)
}

@Test func decimalAmountSumsExactlyInMinorUnits() {
    #expect(DecimalAmount("1500.5")?.minorUnits(scale: 2) == 150_050)
    #expect(DecimalAmount("0.1")?.minorUnits(scale: 2) == 10)
    #expect(DecimalAmount("0.125")?.minorUnits(scale: 2) == nil)
}

@Test func currencyCodesAreISO4217InCapitals() {
    for code in ["RUB", "UAH", "EUR", "GBP", "USD", "KZT"] { #expect(CurrencyCode(code) != nil) }
    for code in ["rub", "RUR", "ABC", "₽", "", "RUBL"] { #expect(CurrencyCode(code) == nil) }
}

import Testing
@testable import ClaimPack

struct MoneyTests {
    @Test(arguments: [("1500", 150_000, "1500.00"), ("1500.5", 150_050, "1500.50"), ("0.07", 7, "0.07"), ("0", 0, "0.00")])
    func amountsBecomeKopecksAndBack(_ text: String, _ units: Int, _ decimal: String) throws {
        let money = try #require(Money(DecimalAmount(text)!, currency: CurrencyCode("RUB")!))
        #expect(money.units == units && money.decimal.text == decimal)
    }

    @Test func finerThanAKopeckAndOtherCurrenciesAreRefused() {
        let rub = CurrencyCode("RUB")!
        #expect(Money(DecimalAmount("0.001")!, currency: rub) == nil)
        #expect(Money(units: 1, currency: rub).adding(Money(units: 1, currency: CurrencyCode("USD")!)) == nil)
        #expect(Money(units: 1, currency: rub).subtracting(Money(units: 2, currency: rub)) == nil)
        #expect(Money(units: Int.max, currency: rub).adding(Money(units: 1, currency: rub)) == nil)
    }

    @Test func numbersAreWrittenTheLanguagesWay() {
        let money = Money(units: 123_456_789, currency: CurrencyCode("RUB")!)
        #expect(CalculationWording(.ru).number(money) == "1\u{00A0}234\u{00A0}567,89")
        #expect(CalculationWording(.en).number(money) == "1,234,567.89")
        #expect(CalculationWording(.uk).number(Money(units: 5, currency: money.currency)) == "0,05")
    }
}

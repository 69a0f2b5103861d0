import Foundation
import Testing
@testable import ClaimPack

private let rub = CurrencyCode("RUB")!
private func rubles(_ text: String) -> Money { Money(DecimalAmount(text)!, currency: rub)! }

struct CourtFeeTests {
    @Test(arguments: [
        // НК РФ ст. 333.19 п. 1 пп. 1 (259-ФЗ), by hand:
        ("50000.00", 4_000),              // up to 100 000: 4 000
        ("100000.00", 4_000),             // the bracket's top
        ("300000.00", 10_000),            // 4 000 + 3 % × 200 000 = 10 000
        ("400000.00", 12_500),            // 10 000 + 2,5 % × 100 000 = 12 500
        ("1000000.00", 25_000),           // 15 000 + 2 % × 500 000 = 25 000
        ("1200000.00", 27_000),           // 25 000 + 1 % × 200 000 = 27 000
        ("1000050.00", 25_001),           // 25 000 + 1 % × 50 = 25 000,50 → half a rouble up: 25 001
        ("1000049.99", 25_000),           // 25 000 + 0,4999 → 25 000
        ("5000000.00", 59_000),           // 45 000 + 0,7 % × 2 000 000 = 59 000
    ])
    func theFeeFollowsTheBrackets(_ price: String, _ roubles: Int) {
        #expect(CourtFee.ruFee(kopecks: rubles(price).units) == roubles)
    }

    @Test func aConsumerPaysNothingUpToOneMillion() {
        let fee = CourtFee(jurisdiction: .ru, claimPrice: rubles("1000000.00"))
        #expect(fee.payable == rubles("0.00") && fee.fullFee == rubles("25000.00"))
        #expect(fee.rows(CalculationWording(.ru)).map(\.key) == [.feeExemption])
    }

    @Test func aboveOneMillionTheFeeLessTheFeeAtOneMillion() throws {
        // 1 200 000,00: 27 000 − 25 000 = 2 000,00.
        let fee = CourtFee(jurisdiction: .ru, claimPrice: rubles("1200000.00"))
        #expect(fee.payable == rubles("2000.00"))
        let row = try #require(fee.rows(CalculationWording(.ru)).first)
        #expect(row.key == .courtFee && row.amount == rubles("2000.00") && !row.inClaimPrice)
        #expect(row.formula.hasPrefix("27\u{00A0}000,00 − 25\u{00A0}000,00 (пошлина при цене иска 1\u{00A0}000\u{00A0}000,00) = 2\u{00A0}000,00"))
        // 1 000 050,00: 25 001 − 25 000 = 1,00.
        #expect(CourtFee(jurisdiction: .ru, claimPrice: rubles("1000050.00")).payable == rubles("1.00"))
    }

    @Test func aboveTheKnownBracketsTheFeeIsNotComputed() {
        #expect(CourtFee(jurisdiction: .ru, claimPrice: rubles("8000000.01")).payable == nil)
        // 8 000 000,00 is still in the last known bracket: 45 000 + 0,7 % × 5 000 000 = 80 000.
        #expect(CourtFee.ruFee(kopecks: rubles("8000000.00").units) == 80_000)
    }

    @Test func aRussianClaimInAnotherCurrencyHasNoFeeOrCourtComputed() {
        let dollars = Money(units: 100_00, currency: CurrencyCode("USD")!)
        #expect(CourtFee(jurisdiction: .ru, claimPrice: dollars).payable == nil)
        #expect(CourtChoice(jurisdiction: .ru, claimPrice: dollars).level == .undecided)
    }

    @Test func ukrainianConsumersAreExemptAndBritishFeesAreNotComputed() {
        let uah = CurrencyCode("UAH")!
        #expect(CourtFee(jurisdiction: .ua, claimPrice: Money(units: 99_999_999, currency: uah)).payable == Money(units: 0, currency: uah))
        #expect(CourtFee(jurisdiction: .gb, claimPrice: Money(units: 100, currency: CurrencyCode("GBP")!)).payable == nil)
    }
}

struct CourtChoiceTests {
    @Test func aJusticeOfThePeaceHearsUpToExactlyOneHundredThousand() {
        // ГПК РФ ст. 23 ч. 1 п. 5: «не превышающей ста тысяч рублей» — 100 000,00 itself goes to them.
        #expect(CourtChoice(jurisdiction: .ru, claimPrice: rubles("100000.00")).level == .justiceOfThePeace)
        #expect(CourtChoice(jurisdiction: .ru, claimPrice: rubles("100000.01")).level == .districtCourt)
        #expect(CourtChoice(jurisdiction: .ru, claimPrice: rubles("0.01")).level == .justiceOfThePeace)
    }

    @Test func theRowNamesTheCourtAndTheLaw() {
        let row = CourtChoice(jurisdiction: .ru, claimPrice: rubles("100000.00")).rows(CalculationWording(.ru))[0]
        #expect(row.key == .court && row.amount == nil)
        #expect(row.formula.hasPrefix("мировой судья: цена иска 100\u{00A0}000,00 ≤ 100\u{00A0}000,00 (п. 5 ч. 1 ст. 23 ГПК РФ"))
    }
}

struct CourtTableTests {
    /// The fee brackets and the court limit are data (Templates/law/ru.yaml): a copy with
    /// another limit decides another court, and a gap between brackets is refused by name.
    @Test func theLimitsComeFromTheLawTable() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("courts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("Templates"), to: copy)
        let file = copy.appendingPathComponent("law/ru.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "justice_of_the_peace_up_to: 100000", with: "justice_of_the_peace_up_to: 50000")
            .write(to: file, atomically: true, encoding: .utf8)
        let law = try LegalProvisions(templates: copy)
        #expect(CourtChoice(jurisdiction: .ru, claimPrice: rubles("60000.00"), rule: law.courtRule(jurisdiction: .ru)).level == .districtCourt)
        #expect(CourtChoice(jurisdiction: .ru, claimPrice: rubles("60000.00")).level == .justiceOfThePeace)
        try original.replacingOccurrences(of: "{from: 300000, up_to: 500000", with: "{from: 310000, up_to: 500000")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try LegalProvisions(templates: copy) } throws: { error in
            "\(error)".contains("law/ru.yaml") && "\(error)".contains("court_fee.brackets")
        }
    }
}

import Foundation
import Testing
@testable import ClaimPack

private let rub = CurrencyCode("RUB")!
private let gbp = CurrencyCode("GBP")!
private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
private func rubles(_ text: String) -> Money { Money(DecimalAmount(text)!, currency: rub)! }

struct StatutoryPenaltyTests {
    @Test func theCapBitesAcrossTheYearEnd() throws {
        // Due 05.12.2026; first day 06.12.2026; as-of 10.02.2027 counts.
        // Days: 6–31 Dec = 26, Jan = 31, 1–10 Feb = 10 → 67.
        // 1 500,00 × 3 % × 67 = 45,00 × 67 = 3 015,00 > cap 1 500,00 → 1 500,00.
        let penalty = try StatutoryPenalty(rule: .ruServices, base: rubles("1500.00"),
                                           answerDue: date("2026-12-05"), asOf: date("2027-02-10"))
        #expect(penalty.days == 67)
        #expect(penalty.firstDay == date("2026-12-06"))
        #expect(penalty.uncapped == rubles("3015.00"))
        #expect(penalty.amount == rubles("1500.00"))
        #expect(penalty.isCapped)
    }

    @Test func aPeriodAcrossTheYearEndBelowTheCap() throws {
        // Due 25.12.2026: 26–31 Dec = 6 days, 1–5 Jan 2027 = 5 days → 11.
        // 1 500,00 × 3 % × 11 = 45,00 × 11 = 495,00 (cap 1 500,00 not reached).
        let penalty = try StatutoryPenalty(rule: .ruServices, base: rubles("1500.00"),
                                           answerDue: date("2026-12-25"), asOf: date("2027-01-05"))
        #expect(penalty.days == 11)
        #expect(penalty.amount == rubles("495.00"))
        #expect(!penalty.isCapped)
    }

    @Test(arguments: ["2026-12-05", "2026-12-01"])
    func noDayIsCountedOnOrBeforeTheDueDate(_ asOf: String) throws {
        // As-of on the due date (the company may still answer that day) or before it: 0 days, 0,00.
        let penalty = try StatutoryPenalty(rule: .ruServices, base: rubles("1500.00"),
                                           answerDue: date("2026-12-05"), asOf: date(asOf))
        #expect(penalty.days == 0 && penalty.firstDay == nil)
        #expect(penalty.amount == rubles("0.00"))
    }

    @Test func theDayAfterTheDueDateIsTheFirstDay() throws {
        // Due 05.12.2026, as-of 06.12.2026: 1 day; 1 500,00 × 3 % = 45,00.
        let penalty = try StatutoryPenalty(rule: .ruServices, base: rubles("1500.00"),
                                           answerDue: date("2026-12-05"), asOf: date("2026-12-06"))
        #expect(penalty.days == 1 && penalty.amount == rubles("45.00"))
    }

    @Test func halfAKopeckRoundsUpAndLessRoundsDown() throws {
        // Goods, 1 % a day, 1 day: 10,50 × 1 % = 0,105 → 0,11 (half a kopeck goes up);
        // 10,49 × 1 % = 0,1049 → 0,10.
        let due = date("2026-12-05"), asOf = date("2026-12-06")
        #expect(try StatutoryPenalty(rule: .ruGoods, base: rubles("10.50"), answerDue: due, asOf: asOf).amount == rubles("0.11"))
        #expect(try StatutoryPenalty(rule: .ruGoods, base: rubles("10.49"), answerDue: due, asOf: asOf).amount == rubles("0.10"))
        // Services, 3 % a day, 1 day: 0,50 × 3 % = 0,015 → 0,02.
        #expect(try StatutoryPenalty(rule: .ruServices, base: rubles("0.50"), answerDue: due, asOf: asOf).amount == rubles("0.02"))
    }

    @Test func roundingHappensOnceAtTheEndNotEachDay() throws {
        // 10,50 × 1 % × 3 days = 0,315 → 0,32 (rounding each day would give 3 × 0,11 = 0,33).
        let penalty = try StatutoryPenalty(rule: .ruGoods, base: rubles("10.50"),
                                           answerDue: date("2026-12-05"), asOf: date("2026-12-08"))
        #expect(penalty.amount == rubles("0.32"))
    }

    @Test func goodsHaveNoCap() throws {
        // 1 000,00 × 1 % × 150 days = 1 500,00: more than the price, and the law sets no cap.
        let penalty = try StatutoryPenalty(rule: .ruGoods, base: rubles("1000.00"),
                                           answerDue: date("2026-01-01"), asOf: date("2026-05-31"))
        #expect(penalty.days == 150)
        #expect(penalty.amount == rubles("1500.00") && !penalty.isCapped)
    }

    @Test func englishStatutoryInterestIsEightPercentAYearDaily() throws {
        // £1,000.00 × 8 % ÷ 365 × 25 days = 2 000 ÷ 365 = 5.4794… → £5.48.
        let base = Money(DecimalAmount("1000.00")!, currency: gbp)!
        let interest = try StatutoryPenalty(rule: .gbStatutoryInterest, base: base,
                                            answerDue: date("2026-12-20"), asOf: date("2027-01-14"))
        #expect(interest.days == 25)
        #expect(interest.amount == Money(units: 548, currency: gbp))
        // A leap year still counts 365 days to the year: 366 days of 2028 on £365.00 = 365 × 8 % × 366 ÷ 365 = 29.28.
        let leap = try StatutoryPenalty(rule: .gbStatutoryInterest, base: Money(units: 36_500, currency: gbp),
                                        answerDue: date("2027-12-31"), asOf: date("2028-12-31"))
        #expect(leap.days == 366 && leap.amount == Money(units: 2_928, currency: gbp))
    }

    @Test func rowsShowThePeriodTheFormulaAndTheCap() throws {
        let penalty = try StatutoryPenalty(rule: .ruServices, base: rubles("1500.00"),
                                           answerDue: date("2026-12-05"), asOf: date("2027-02-10"))
        let rows = penalty.rows(CalculationWording(.ru))
        #expect(rows.map(\.key) == [.penaltyPeriod, .penalty, .penaltyCap])
        #expect(rows[0].formula == "с 06.12.2026 по 10.02.2027 включительно: 67 дн.")
        #expect(rows[1].formula == "1\u{00A0}500,00 × 3\u{00A0}% × 67 = 3\u{00A0}015,00")
        #expect(rows[1].amount == nil && !rows[1].inClaimPrice)
        #expect(rows[2].formula == "min(3\u{00A0}015,00; 1\u{00A0}500,00) = 1\u{00A0}500,00")
        #expect(rows[2].amount == rubles("1500.00") && rows[2].inClaimPrice)
        let english = try StatutoryPenalty(rule: .gbStatutoryInterest, base: Money(units: 100_000, currency: gbp),
                                           answerDue: date("2026-12-20"), asOf: date("2027-01-14")).rows(CalculationWording(.en))
        #expect(english.map(\.formula) == ["from 21/12/2026 to 14/01/2027 inclusive: 25 days", "1,000.00 × 8% ÷ 365 × 25 = 5.48 (daily rate 0.22)"])
        // Daily rate: 1,000.00 × 8 % ÷ 365 = 0.2191… → 0.22, shown only; 25 × 0.22 = 5.50 would overstate the total.
    }

    @Test func rulesFollowJurisdictionAndSectorInTheLawTable() {
        let law = PenaltyRule.table
        #expect(law.penaltyRule(jurisdiction: .ru, sector: .services)?.id == "ru-services")
        #expect(law.penaltyRule(jurisdiction: .ru, sector: .utilities)?.id == "ru-services")
        #expect(law.penaltyRule(jurisdiction: .ru, sector: .goods)?.id == "ru-goods")
        #expect(law.penaltyRule(jurisdiction: .ru, sector: .telecom)?.confirmed == false)
        #expect(law.penaltyRule(jurisdiction: .ru, sector: .finance) == nil)
        #expect(law.penaltyRule(jurisdiction: .ua, sector: .telecom)?.id == "ua-services")
        #expect(law.penaltyRule(jurisdiction: .gb, sector: .finance)?.id == "gb-statutory-interest")
        #expect(law.penaltyRule(jurisdiction: .us, sector: .goods) == nil)
        // The figures as the statutes give them (docs/escalation.md §3), read from the data.
        #expect(PenaltyRule.ruServices.rate == .perDay(basisPoints: 300) && PenaltyRule.ruServices.capPercent == 100)
        #expect(PenaltyRule.ruGoods.rate == .perDay(basisPoints: 100) && PenaltyRule.ruGoods.capPercent == nil)
        #expect(PenaltyRule.gbStatutoryInterest.rate == .perYear(basisPoints: 800, daysInYear: 365))
        #expect([PenaltyRule.ruServices, .ruTelecom, .ruGoods, .uaServices, .uaGoods, .gbStatutoryInterest].allSatisfy { !$0.sources.isEmpty })
    }

    @Test func aPenaltyRowWithoutARateOrSourcesIsRefusedNamingTheFile() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("penalty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("Templates"), to: copy)
        let file = copy.appendingPathComponent("law/ru.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "basis_points: 100", with: "basis_points: 0")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ResourceError.self) { try LegalProvisions(templates: copy) }
        do {
            _ = try LegalProvisions(templates: copy)
        } catch {
            #expect(error.description.contains("law/ru.yaml") && error.description.contains("ru-goods"))
        }
    }
}

import Testing
@testable import ClaimPack

struct AnswerDeadlineTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func weekdaysAreKnown() {
        #expect(date("2026-11-21").weekday == 5)  // a Saturday
        #expect(date("2026-11-23").weekday == 0)  // a Monday
        #expect(date("1970-01-01").weekday == 3)  // a Thursday
    }

    /// Worked by hand: 2026-11-25 (Wednesday) + 10 days = 2026-12-05, a Saturday, so the
    /// answer is due Monday 2026-12-07; + 30 days = 2026-12-25, a Friday, stays.
    @Test(arguments: [("2026-11-25", 10, "2026-12-05", "2026-12-07"), ("2026-11-25", 30, "2026-12-25", "2026-12-25"),
                      ("2026-11-26", 10, "2026-12-06", "2026-12-07"), ("2026-12-22", 10, "2027-01-01", "2027-01-01")])
    func dueDateMovesOffWeekends(_ delivered: String, _ days: Int, _ nominal: String, _ due: String) {
        let deadline = AnswerDeadline(deliveredOn: date(delivered), responseDays: days)
        #expect(deadline.nominalDue == date(nominal))
        #expect(deadline.due == date(due))
        #expect(deadline.wasMoved == (nominal != due))
    }

    @Test func statusFollowsTheRecord() {
        let seal = SHA256Digest.zero
        func record(_ events: [(DeliveryEvent.Kind, String)]) -> DeliveryRecord {
            DeliveryRecord(bundleID: "x", seal: seal, events: events.map { DeliveryEvent(kind: $0.0, at: EventTime(date: date($0.1))) })
        }
        let today = date("2026-12-10")
        #expect(ClaimStatus(record: record([(.prepared, "2026-11-20")]), responseDays: 10, today: today).state == .prepared)
        #expect(ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21")]), responseDays: 10, today: today).state == .sent)
        let delivered = ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21"), (.delivered, "2026-11-25")]),
                                    responseDays: 30, today: today)
        #expect(delivered.state == .delivered && delivered.daysLeft == 15)
        let overdue = ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21"), (.returned, "2026-11-25")]),
                                  responseDays: 10, today: today)
        #expect(overdue.state == .overdue && overdue.daysLeft == -3 && overdue.deadline?.due == date("2026-12-07"))
        let answered = ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21"), (.delivered, "2026-11-25"),
                                                   (.answered, "2026-12-09")]), responseDays: 10, today: today)
        #expect(answered.state == .answered && answered.daysLeft == nil)
    }
}

/// Due dates as the law counts them, on the shipped law table and calendars.
struct LawfulDeadlineTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    let law: LegalProvisions

    init() throws {
        law = try LegalProvisions(templates: LegalProvisionsTests.templates)
    }

    /// 126-ФЗ ст. 55 п. 7: delivered Friday 2026-11-27, registered by the next working day,
    /// Monday 2026-11-30; 30 days from registration: Wednesday 2026-12-30.
    @Test func telecomClaimCountsFromRegistration() {
        let row = law.provision(jurisdiction: .ru, sector: .telecom, kind: .claim, language: .ru)
        let deadline = AnswerDeadline(deliveredOn: date("2026-11-27"), period: row.period, calendar: law.calendar(for: .ru))
        #expect(deadline.registeredBy == date("2026-11-30"))
        #expect(deadline.nominalDue == date("2026-12-30"))
        #expect(deadline.due == date("2026-12-30"))
        #expect(!deadline.wasMoved)
        #expect(deadline.uncoveredYears.isEmpty)
    }

    /// 59-ФЗ ст. 8 ч. 3, ст. 12 ч. 1: delivered Tuesday 2026-12-01, registered within 3 days
    /// (by Friday 2026-12-04), 30 days from then is Sunday 2027-01-03, inside the New Year
    /// holidays (1–8 January by ТК РФ ст. 112, 9–10 January a weekend): due Monday 2027-01-11.
    @Test func complaintMovesPastTheNewYearHolidays() {
        let row = law.provision(jurisdiction: .ru, sector: .state, kind: .complaint, language: .ru)
        let deadline = AnswerDeadline(deliveredOn: date("2026-12-01"), period: row.period, calendar: law.calendar(for: .ru))
        #expect(deadline.registeredBy == date("2026-12-04"))
        #expect(deadline.nominalDue == date("2027-01-03"))
        #expect(deadline.due == date("2027-01-11"))
        #expect(deadline.unconfirmedYears == [2027])
    }

    /// A goods claim delivered Monday 2026-12-28: + 10 days = Thursday 2027-01-07, a holiday,
    /// moved to Monday 2027-01-11. The old count (weekends only) said 2027-01-07.
    @Test func holidaysMoveTheLastDay() {
        let row = law.provision(jurisdiction: .ru, sector: .goods, kind: .claim, language: .ru)
        let deadline = AnswerDeadline(deliveredOn: date("2026-12-28"), period: row.period, calendar: law.calendar(for: .ru))
        #expect(deadline.nominalDue == date("2027-01-07"))
        #expect(deadline.due == date("2027-01-11"))
        #expect(AnswerDeadline(deliveredOn: date("2026-12-28"), responseDays: 10).due == date("2027-01-07"))
    }

    /// 15 working days from the next working day: delivered Friday 2026-12-25, registered
    /// Monday 2026-12-28; working days 29, 30 December (2), 11–15 January (7), 18–22 (12),
    /// 25–27 (15): due Wednesday 2027-01-27.
    @Test func workingDaysSkipTheHolidays() {
        let row = law.provision(jurisdiction: .ru, sector: .finance, kind: .claim, language: .ru)
        let deadline = AnswerDeadline(deliveredOn: date("2026-12-25"), period: row.period, calendar: law.calendar(for: .ru))
        #expect(deadline.registeredBy == date("2026-12-28"))
        #expect(deadline.due == date("2027-01-27"))
    }

    @Test func aDateOutsideTheCalendarIsNoted() {
        let row = law.provision(jurisdiction: .ru, sector: .goods, kind: .claim, language: .ru)
        let deadline = AnswerDeadline(deliveredOn: date("2028-03-01"), period: row.period, calendar: law.calendar(for: .ru))
        #expect(deadline.uncoveredYears == [2028])
    }

    @Test func responseDaysReplaceTheLawsDays() {
        let row = law.provision(jurisdiction: .ru, sector: .telecom, kind: .claim, language: .ru)
        let deadline = AnswerDeadline(deliveredOn: date("2026-11-27"), period: row.period, days: 10, calendar: law.calendar(for: .ru))
        #expect(deadline.due == date("2026-12-10"))
    }
}

/// Ukraine: a month from receipt (Закон «Про звернення громадян» ст. 20; ЦК України ст. 254
/// ч. 3, 5), no holidays under martial law.
struct UkrainianDeadlineTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Delivered 2026-01-31: one month ends on the last day of February, Saturday
    /// 2026-02-28, moved to Monday 2026-03-02 (ЦК України ст. 254 ч. 3, 5).
    @Test func aMonthEndsOnTheMonthsLastDayAndMovesOffTheWeekend() throws {
        let law = try LegalProvisions(templates: LegalProvisionsTests.templates)
        let row = law.provision(jurisdiction: .ua, sector: .telecom, kind: .claim, language: .uk)
        #expect(row.period == AnswerPeriod(days: 1, unit: .months, start: .receipt))
        #expect(row.period.nominalDays == 30)
        let deadline = AnswerDeadline(deliveredOn: date("2026-01-31"), period: row.period, days: row.period.nominalDays,
                                      calendar: law.calendar(for: .ua))
        #expect(deadline.nominalDue == date("2026-02-28"))
        #expect(deadline.due == date("2026-03-02"))
        // response_days other than the law's: counted in calendar days.
        let shorter = AnswerDeadline(deliveredOn: date("2026-01-31"), period: row.period, days: 14, calendar: law.calendar(for: .ua))
        #expect(shorter.due == date("2026-02-16"))
    }

    /// Under martial law (Закон № 2136-IX ст. 6 ч. 6) 7 January and 1 May are working days.
    @Test func martialLawHasNoHolidays() throws {
        let calendar = try LegalProvisions(templates: LegalProvisionsTests.templates).calendar(for: .ua)
        #expect(calendar.isWorkingDay(date("2026-01-07")))
        #expect(calendar.isWorkingDay(date("2026-05-01")))
        #expect(!calendar.isWorkingDay(date("2026-05-02")))
        #expect(calendar.covers(date("2026-05-01")) && !calendar.covers(date("2027-01-01")))
    }

    @Test func ukrainianTextsAreUkrainian() throws {
        let law = try LegalProvisions(templates: LegalProvisionsTests.templates)
        let row = law.provision(jurisdiction: .ua, sector: nil, kind: .claim, language: .uk)
        #expect(row.language == .uk)
        #expect(row.citation.contains("Про звернення громадян"))
        #expect(row.authority == "Держпродспоживслужба")
        #expect(law.countingRule(for: .ua, language: .uk).end.contains("ст. 254 ЦК України"))
        // A Ukrainian claim written in Russian gets the English texts, never Russian law.
        #expect(law.provision(jurisdiction: .ua, sector: nil, kind: .claim, language: .ru).language == .en)
    }
}

/// England and Wales, and the United States: bank and federal holidays move the last day.
struct EnglishAndAmericanDeadlineTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// DISP 1.6.2R: eight weeks from receipt. Delivered Monday 2026-11-02, the 56th day is
    /// Monday 2026-12-28, the substitute Boxing Day bank holiday: moved to 2026-12-29.
    @Test func bankHolidayMovesABanksEightWeeks() throws {
        let law = try LegalProvisions(templates: LegalProvisionsTests.templates)
        let row = law.provision(jurisdiction: .gb, sector: .finance, kind: .claim, language: .en)
        #expect(row.period == AnswerPeriod(days: 56, unit: .calendar, start: .receipt))
        #expect(row.authority == "the Financial Ombudsman Service")
        let deadline = AnswerDeadline(deliveredOn: date("2026-11-02"), period: row.period, calendar: law.calendar(for: .gb))
        #expect(deadline.nominalDue == date("2026-12-28"))
        #expect(deadline.due == date("2026-12-29"))
        #expect(law.countingRule(for: .gb, language: .en).end.contains("CPR 2.8(5)"))
    }

    /// 15 U.S.C. § 1666: 30 days. Delivered 2026-06-03, the 30th day is Friday 2026-07-03,
    /// Independence Day observed (4 July is a Saturday): moved to Monday 2026-07-06.
    @Test func federalHolidayMovesACardIssuersThirtyDays() throws {
        let law = try LegalProvisions(templates: LegalProvisionsTests.templates)
        let row = law.provision(jurisdiction: .us, sector: .finance, kind: .claim, language: .en)
        #expect(row.citation.contains("1666"))
        let deadline = AnswerDeadline(deliveredOn: date("2026-06-03"), period: row.period, calendar: law.calendar(for: .us))
        #expect(deadline.nominalDue == date("2026-07-03"))
        #expect(deadline.due == date("2026-07-06"))
        #expect(law.countingRule(for: .us, language: .en).end.contains("FRCP 6(a)(1)(C)"))
        #expect(law.calendar(for: .us).isWorkingDay(date("2027-12-31")) == false)  // New Year's Day 2028 observed
    }
}

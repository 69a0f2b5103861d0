import Testing
@testable import ClaimPack

/// The production calendars in `Templates/law/calendars/`.
struct WorkingCalendarTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func russianCalendarKnowsMovedDays() throws {
        let calendar = try LegalProvisions(templates: LegalProvisionsTests.templates).calendar(for: .ru)
        #expect(calendar.covers(date("2026-01-09")))
        #expect(!calendar.isWorkingDay(date("2026-01-09")))   // 3 January moved onto Friday 9 January
        #expect(!calendar.isWorkingDay(date("2026-12-31")))   // 4 January moved onto 31 December
        #expect(calendar.isWorkingDay(date("2025-11-01")))    // a working Saturday
        #expect(calendar.isWorkingDay(date("2025-02-24")))    // 23 February 2025 was moved to 8 May, not to Monday
        #expect(!calendar.isWorkingDay(date("2025-05-08")))
        #expect(calendar.isWorkingDay(date("2026-11-30")))
        #expect(!calendar.covers(date("2028-01-03")))
        #expect(calendar.unconfirmedYears == [2027])
    }

    @Test func workingDaysSkipHolidays() throws {
        let calendar = try LegalProvisions(templates: LegalProvisionsTests.templates).calendar(for: .ru)
        // Wednesday 30 December 2026 + 1 working day: 31 December and 1–10 January are off.
        #expect(calendar.adding(workingDays: 1, to: date("2026-12-30")) == date("2027-01-11"))
        #expect(calendar.workingDay(onOrAfter: date("2027-01-03")) == date("2027-01-11"))
    }
}

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

/// The calendars' years as the sources read give them (docs/law.md, "Every figure and its source").
struct CalendarYearsTests {
    let law: LegalProvisions

    init() throws {
        law = try LegalProvisions(templates: LegalProvisionsTests.templates)
    }

    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func workingDays(in year: Int, _ calendar: WorkingCalendar) -> Int {
        let first = CalendarDate(year: year, month: 1, day: 1)!
        let last = CalendarDate(year: year, month: 12, day: 31)!
        return (first.daysSinceEpoch...last.daysSinceEpoch).filter { calendar.isWorkingDay(CalendarDate(daysSinceEpoch: $0)) }.count
    }

    /// Постановление Правительства РФ № 1187 of 17.09.2026 (as the secondary sources give it):
    /// Saturday 2 January → Friday 5 November, Sunday 3 January → Friday 31 December, Saturday
    /// 20 February worked for Monday 22 February; ТК РФ ст. 112 ч. 2 moves 1 and 9 May and 12
    /// June off the weekend.
    @Test func russian2027FollowsTheDecree() {
        let calendar = law.calendar(for: .ru)
        #expect(calendar.isWorkingDay(date("2027-02-20")))
        for day in ["2027-02-22", "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-05", "2027-12-31"] {
            #expect(!calendar.isWorkingDay(date(day)), "\(day)")
        }
        #expect(calendar.isWorkingDay(date("2027-11-08")))
        #expect(!calendar.isWorkingDay(date("2027-11-13")))   // the December 2025 draft's working Saturday is not applied
        #expect(calendar.unconfirmedYears == [2027])           // the decree's own text was not read
    }

    /// The published norms: 247 working days on a five-day week in each of 2025, 2026 and 2027.
    @Test func russianYearsHaveThePublishedNumberOfWorkingDays() {
        let calendar = law.calendar(for: .ru)
        #expect(workingDays(in: 2025, calendar) == 247)
        #expect(workingDays(in: 2026, calendar) == 247)
        #expect(workingDays(in: 2027, calendar) == 247)
    }

    /// Banking and Financial Dealings Act 1971 sch. 1 with the proclamations: eight bank
    /// holidays on weekdays each year; Christmas and Boxing Day move to 27 and 28 December 2027.
    @Test func englishBankHolidays() {
        let calendar = law.calendar(for: .gb)
        #expect(!calendar.isWorkingDay(date("2025-05-05")))   // proclaimed for 2025
        #expect(!calendar.isWorkingDay(date("2026-12-28")))
        #expect(!calendar.isWorkingDay(date("2027-12-27")) && !calendar.isWorkingDay(date("2027-12-28")))
        #expect(calendar.isWorkingDay(date("2027-12-29")))
        for year in 2025...2027 {
            #expect(workingDays(in: year, WorkingCalendar.weekendsOnly(.gb)) - workingDays(in: year, calendar) == 8, "\(year)")
        }
        #expect(calendar.unconfirmedYears == [2027])
    }

    /// The files list only what the weekend rule does not give: days off on Monday–Friday,
    /// working days on Saturday or Sunday, each inside a year the file covers.
    @Test func everyListedDayIsAnException() {
        for jurisdiction in Jurisdiction.allCases {
            let calendar = law.calendar(for: jurisdiction)
            for day in calendar.daysOff {
                #expect(day.weekday < 5 && calendar.covers(day), "\(jurisdiction): \(day) is listed as a day off")
            }
            for day in calendar.workingWeekendDays {
                #expect(day.weekday >= 5 && calendar.covers(day), "\(jurisdiction): \(day) is listed as a working weekend day")
            }
        }
    }

    /// Закон № 2136-IX ст. 6: no holiday is a day off under martial law; 2026's later
    /// extensions were not read.
    @Test func ukrainianHolidaysAreWorkingDaysUnderMartialLaw() {
        let calendar = law.calendar(for: .ua)
        #expect(calendar.isWorkingDay(date("2025-12-25")))    // Christmas, ст. 73 КЗпП as amended in 2023
        #expect(calendar.isWorkingDay(date("2026-01-01")))
        #expect(calendar.unconfirmedYears == [2026])
    }
}

/// A jurisdiction's production calendar: which days are working days, for the years its
/// data file covers (`Templates/law/calendars/<jurisdiction>.yaml`).
public struct WorkingCalendar: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    /// The years the calendar knows.
    public let years: Set<Int>
    /// Monday … Friday days that are not working days: public holidays and days off moved
    /// onto a weekday.
    public let daysOff: Set<CalendarDate>
    /// Saturdays and Sundays that are working days (a day off moved away from them).
    public let workingWeekendDays: Set<CalendarDate>
    /// Years whose days were not all read in a decree or code (a decree not yet found).
    public let unconfirmedYears: Set<Int>
    /// Where each year's days come from.
    public let sources: [LegalSource]

    public init(jurisdiction: Jurisdiction, years: Set<Int>, daysOff: Set<CalendarDate>, workingWeekendDays: Set<CalendarDate>,
                unconfirmedYears: Set<Int> = [], sources: [LegalSource]) {
        self.jurisdiction = jurisdiction
        self.years = years
        self.unconfirmedYears = unconfirmedYears
        self.daysOff = daysOff
        self.workingWeekendDays = workingWeekendDays
        self.sources = sources
    }

    /// A calendar that knows no year: only Saturdays and Sundays are days off.
    public static func weekendsOnly(_ jurisdiction: Jurisdiction) -> WorkingCalendar {
        WorkingCalendar(jurisdiction: jurisdiction, years: [], daysOff: [], workingWeekendDays: [], sources: [])
    }

    /// Whether the calendar knows the year of `date`.
    public func covers(_ date: CalendarDate) -> Bool { years.contains(date.year) }

    /// Whether `date` is a working day. Outside the calendar's years only Saturdays and
    /// Sundays are days off (and `covers` says so).
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if workingWeekendDays.contains(date) { return true }
        if daysOff.contains(date) { return false }
        return date.weekday < 5
    }

    /// `date` itself when it is a working day, else the next working day.
    public func workingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The date `count` working days after `date` (the first counted is the next working day).
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}

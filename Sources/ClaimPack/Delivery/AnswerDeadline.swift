/// When the answer to a delivered claim is due, counted as the law counts it: from receipt,
/// or from the latest day of registration the law allows; in calendar or working days of
/// the jurisdiction's production calendar; a last day that is not a working day moved to
/// the next working day (ГК РФ ст. 193, ЦК України ст. 254, and the rules docs/law.md
/// names for gb and us).
public struct AnswerDeadline: Sendable, Hashable {
    /// The date the letter counts as delivered.
    public let deliveredOn: CalendarDate
    /// The latest day the law allows for registering the letter, when the period runs
    /// from registration.
    public let registeredBy: CalendarDate?
    /// The number of days counted.
    public let days: Int
    /// Calendar or working days.
    public let unit: PeriodUnit
    /// The last day of the period before any move.
    public let nominalDue: CalendarDate
    /// The due date, moved off a non-working day.
    public let due: CalendarDate
    /// Years the count passed through that the production calendar does not know: there
    /// only Saturdays and Sundays were taken as days off.
    public let uncoveredYears: [Int]
    /// Years the count passed through whose calendar is not confirmed (a decree moving days
    /// off not yet found): the statute's holidays were applied, moved days were not.
    public let unconfirmedYears: [Int]

    /// The due date by `period`, counted on `calendar`. `days` (as `response_days` gives
    /// it) replaces the period's length when it differs from `period.nominalDays`; a period
    /// in months is then counted in calendar days.
    public init(deliveredOn: CalendarDate, period: AnswerPeriod, days: Int? = nil, calendar: WorkingCalendar) {
        self.deliveredOn = deliveredOn
        var period = period
        if let days, days != period.nominalDays {
            period = AnswerPeriod(days: days, unit: period.unit == .months ? .calendar : period.unit, start: period.start)
        }
        let days = period.days
        self.days = days
        unit = period.unit
        var start = deliveredOn
        switch period.start {
        case .receipt:
            registeredBy = nil
        case .registration(let within, let registrationUnit):
            let latest = registrationUnit == .working
                ? calendar.adding(workingDays: within, to: deliveredOn)
                : calendar.workingDay(onOrAfter: deliveredOn.adding(days: within))
            registeredBy = latest
            start = latest
        }
        switch period.unit {
        case .calendar: nominalDue = start.adding(days: days)
        case .working: nominalDue = calendar.adding(workingDays: days, to: start)
        case .months: nominalDue = start.adding(months: days)
        }
        due = calendar.workingDay(onOrAfter: nominalDue)
        let years = deliveredOn.year...due.year
        uncoveredYears = years.filter { !calendar.years.contains($0) }
        unconfirmedYears = years.filter { calendar.unconfirmedYears.contains($0) }
    }

    /// The due date counted from delivery in calendar days, moved off a Saturday or Sunday
    /// only (no holidays): claimpack's count before the law table.
    public init(deliveredOn: CalendarDate, responseDays: Int) {
        self.init(deliveredOn: deliveredOn, period: AnswerPeriod(days: responseDays, unit: .calendar, start: .receipt),
                  calendar: .weekendsOnly(.ru))
    }

    /// Whether the due date was moved off a non-working day.
    public var wasMoved: Bool { due != nominalDue }

    /// Days from `today` to the due date: negative once overdue.
    public func daysLeft(from today: CalendarDate) -> Int { due.daysSinceEpoch - today.daysSinceEpoch }
}

extension CalendarDate {
    /// 0 for Monday … 6 for Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    /// The same date `months` months later, or the last day of that month when it has no
    /// such date (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))!
    }
}

/// When the answer to a delivered claim is due: the delivery (or return) date plus the
/// claim's answer period in calendar days, moved to the next Monday when it falls on a
/// Saturday or Sunday (ГК РФ ст. 193). Public holidays are not known.
public struct AnswerDeadline: Sendable, Hashable {
    /// The date the letter counts as delivered.
    public let deliveredOn: CalendarDate
    /// Delivery date + the answer period, before any move.
    public let nominalDue: CalendarDate
    /// The due date, moved off a weekend.
    public let due: CalendarDate

    public init(deliveredOn: CalendarDate, responseDays: Int) {
        self.deliveredOn = deliveredOn
        nominalDue = deliveredOn.adding(days: responseDays)
        due = nominalDue.adding(days: [5: 2, 6: 1][nominalDue.weekday] ?? 0)
    }

    /// Whether the due date was moved off a weekend.
    public var wasMoved: Bool { due != nominalDue }

    /// Days from `today` to the due date: negative once overdue.
    public func daysLeft(from today: CalendarDate) -> Int { due.daysSinceEpoch - today.daysSinceEpoch }
}

extension CalendarDate {
    /// 0 for Monday … 6 for Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }
}

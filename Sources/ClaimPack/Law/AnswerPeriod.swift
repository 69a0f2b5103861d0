/// The answer period the law gives a respondent: its length, how its days are counted and
/// where it starts.
public struct AnswerPeriod: Sendable, Hashable {
    /// The number of days.
    public let days: Int
    /// Calendar or working days.
    public let unit: PeriodUnit
    /// Receipt, or registration after receipt.
    public let start: PeriodStart

    public init(days: Int, unit: PeriodUnit, start: PeriodStart) {
        self.days = days
        self.unit = unit
        self.start = start
    }
}

/// The answer period the law gives a respondent: its length, how its days are counted and
/// where it starts.
public struct AnswerPeriod: Sendable, Hashable {
    /// The number of days (of months when `unit` is `.months`).
    public let days: Int
    /// Calendar or working days, or months.
    public let unit: PeriodUnit
    /// Receipt, or registration after receipt.
    public let start: PeriodStart

    public init(days: Int, unit: PeriodUnit, start: PeriodStart) {
        self.days = days
        self.unit = unit
        self.start = start
    }

    /// The period as a number of days, for `response_days` and the letter: `days`, or 30
    /// days a month when the law counts months.
    public var nominalDays: Int { unit == .months ? days * 30 : days }
}

/// How the days of an answer period are counted.
public enum PeriodUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every day counts.
    case calendar
    /// Only the working days of the jurisdiction's production calendar count.
    case working
    /// Months: the period ends on the same date of the last month, or on that month's last
    /// day when it has no such date (ЦК України ст. 254 ч. 3; ГК РФ ст. 192 п. 3).
    case months
}

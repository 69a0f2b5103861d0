/// How the days of an answer period are counted.
public enum PeriodUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every day counts.
    case calendar
    /// Only the working days of the jurisdiction's production calendar count.
    case working
}

/// Where an answer period starts counting.
public enum PeriodStart: Sendable, Hashable {
    /// From the day the letter was received (delivered or returned): the first day counted
    /// is the next one (ГК РФ ст. 191; ЦК України ст. 253).
    case receipt
    /// From the day the letter is registered, which the law puts at most `within` days
    /// (counted in `unit`) after receipt. claimpack counts from the latest day the law
    /// allows: the sender cannot know an earlier one.
    case registration(within: Int, unit: PeriodUnit)
}

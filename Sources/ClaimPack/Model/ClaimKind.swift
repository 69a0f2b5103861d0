/// Whom a claim goes to: the company, a regulator, or a court.
public enum ClaimKind: String, ClaimVocabulary {
    /// A claim (претензия) to the company itself.
    case claim
    /// A complaint (жалоба) to a regulator.
    case complaint
    /// A statement of claim to a court.
    case court

    /// The answer period when `response_days` is not given and no law table is at hand
    /// (a `ClaimFolderReader` without `law`): 10 days for a claim, 30 for a complaint or a
    /// court. With the table, the period is the law's for the claim's jurisdiction, sector
    /// and kind (`LegalProvisions`).
    public var defaultResponseDays: Int {
        switch self {
        case .claim: 10
        case .complaint, .court: 30
        }
    }
}

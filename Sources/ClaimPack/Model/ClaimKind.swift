/// Whom a claim goes to: the company, a regulator, or a court.
public enum ClaimKind: String, ClaimVocabulary {
    /// A claim (претензия) to the company itself.
    case claim
    /// A complaint (жалоба) to a regulator.
    case complaint
    /// A statement of claim to a court.
    case court

    /// The answer period when `response_days` is not given: 10 days for a claim
    /// (Закон РФ «О защите прав потребителей», ст. 22), 30 for a complaint or a court.
    public var defaultResponseDays: Int {
        switch self {
        case .claim: 10
        case .complaint, .court: 30
        }
    }
}

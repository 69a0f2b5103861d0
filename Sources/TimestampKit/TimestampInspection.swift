/// What `TimestampVerifier.inspect` found in a stored token, in a form a verifier turns
/// into findings: the token (when it reads), its one fatal problem, and its chain.
public struct TimestampInspection: Sendable {
    /// How far the authority's certificate leads.
    public enum Chain: Sendable {
        /// No roots were given, or the token failed before.
        case notChecked
        /// It leads to one of the given roots.
        case trusted
        /// It does not; the error says which issuer is missing.
        case incomplete(TimestampError)
    }

    /// What the token says, when it reads as a time-stamp response at all.
    public let token: TimestampToken?
    /// Why the token does not prove the digest (not granted, another digest, bad signature,
    /// wrong key usage, malformed); `nil` when it does.
    public let problem: TimestampError?
    public let chain: Chain
}

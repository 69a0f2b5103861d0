/// The court fee a statement of claim pays, as the `court_fee:` section of
/// `Templates/law/<jurisdiction>.yaml` gives it (docs/escalation.md §5): brackets of the
/// claim price, and the consumer's exemption.
public struct CourtFeeSchedule: Sendable, Hashable {
    /// Above `from` whole units up to `upTo`: `fixed` whole units plus `basisPoints`
    /// hundredths of a percent of the excess over `from`.
    public struct Bracket: Sendable, Hashable {
        public let from: Int
        public let upTo: Int
        public let fixed: Int
        public let basisPoints: Int
    }

    /// The currency the brackets are in (a claim in another is not computed).
    public let currency: String
    /// In order; empty when the fee itself is not computed.
    public let brackets: [Bracket]
    /// A consumer pays nothing up to this claim price (whole units), and above it the fee
    /// less the fee at it; `nil` without such a limit.
    public let consumerExemptUpTo: Int?
    /// Consumers pay nothing at any claim price.
    public let consumersExempt: Bool
    /// The law that sets or spares the fee, and the one that exempts the consumer.
    public let law: String
    public let exemptionLaw: String
    public let sources: [LegalSource]
    public let confirmed: Bool
}

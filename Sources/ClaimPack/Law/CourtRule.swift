/// Which court hears a consumer's claim, as the `courts:` section of
/// `Templates/law/<jurisdiction>.yaml` gives it (docs/escalation.md §6): a justice of the
/// peace up to a claim price, the other level above it.
public struct CourtRule: Sendable, Hashable {
    /// The currency of the limit.
    public let currency: String?
    /// The highest claim price (whole units) a justice of the peace hears; `nil` where the
    /// jurisdiction has none.
    public let justiceOfThePeaceUpTo: Int?
    public let justiceOfThePeaceLaw: String?
    /// The court above the limit, or the only one: `district` or `county`.
    public let otherwise: CourtChoice.Level
    public let law: String
    public let sources: [LegalSource]
    public let confirmed: Bool
}

/// A transaction or operation the claim is about, identified as the company identifies it.
public struct Operation: Sendable, Hashable {
    public var id: String
    public var at: EventTime?
    public var amount: DecimalAmount
    public var currency: CurrencyCode
    public var description: String?
    /// Whether the claimant disputes it (`disputed:`, default `true`): only disputed
    /// operations make up the principal a court claim asks for.
    public var disputed: Bool
    public var location: SourceLocation?

    public init(id: String, at: EventTime? = nil, amount: DecimalAmount, currency: CurrencyCode,
                description: String? = nil, disputed: Bool = true, location: SourceLocation? = nil) {
        self.id = id
        self.at = at
        self.amount = amount
        self.currency = currency
        self.description = description
        self.disputed = disputed
        self.location = location
    }
}

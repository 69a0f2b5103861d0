/// One fact of the dispute, in date order.
public struct TimelineEvent: Sendable, Hashable {
    public var at: EventTime
    /// What happened, in the claim's language.
    public var event: String
    public var channel: Channel?
    /// The ticket or appeal number the company gave.
    public var reference: String?
    /// Ids of the operations this event concerns.
    public var operations: [String]
    /// Ids of the evidence entries that prove it.
    public var evidence: [String]
    /// Where the event starts in `claim.yaml`.
    public var location: SourceLocation?

    public init(at: EventTime, event: String, channel: Channel? = nil, reference: String? = nil,
                operations: [String] = [], evidence: [String] = [], location: SourceLocation? = nil) {
        self.at = at
        self.event = event
        self.channel = channel
        self.reference = reference
        self.operations = operations
        self.evidence = evidence
        self.location = location
    }
}

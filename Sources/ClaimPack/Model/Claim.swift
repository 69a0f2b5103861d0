/// A claim as `claim.yaml` format 1 describes it, with every default applied.
public struct Claim: Sendable, Hashable {
    /// The `claim.yaml` format; always 1 for now.
    public var format: Int
    public var language: Language
    /// The country whose law governs the claim; by default the language's
    /// (`Jurisdiction.default(for:)`).
    public var jurisdiction: Jurisdiction
    /// The bundle id: lower-case letters, digits, `.`, `_` and `-`.
    public var id: String
    /// The date on the letter.
    public var date: CalendarDate
    public var kind: ClaimKind
    public var subject: String
    public var claimant: Party
    public var respondent: Respondent
    public var addressee: Addressee
    public var account: [AccountIdentifier]
    public var timeline: [TimelineEvent]
    public var operations: [Operation]
    public var demands: [Demand]
    /// The answer period in calendar days.
    public var responseDays: Int
    /// Every evidence file, described or derived, sorted by file path.
    public var evidence: [EvidenceEntry]
    public var delivery: DeliveryPlan
    /// The earlier bundle this claim escalates, when it is a step after another (`follows:`).
    public var follows: Follows?

    public init(format: Int = 1, language: Language, jurisdiction: Jurisdiction? = nil, id: String, date: CalendarDate, kind: ClaimKind,
                subject: String, claimant: Party, respondent: Respondent, addressee: Addressee,
                account: [AccountIdentifier], timeline: [TimelineEvent], operations: [Operation],
                demands: [Demand], responseDays: Int, evidence: [EvidenceEntry], delivery: DeliveryPlan,
                follows: Follows? = nil) {
        self.format = format
        self.language = language
        self.jurisdiction = jurisdiction ?? .default(for: language)
        self.id = id
        self.date = date
        self.kind = kind
        self.subject = subject
        self.claimant = claimant
        self.respondent = respondent
        self.addressee = addressee
        self.account = account
        self.timeline = timeline
        self.operations = operations
        self.demands = demands
        self.responseDays = responseDays
        self.evidence = evidence
        self.delivery = delivery
        self.follows = follows
    }
}

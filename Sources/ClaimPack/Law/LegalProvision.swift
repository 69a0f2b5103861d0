/// What the law says about one claim: how long the respondent has to answer, counted how,
/// which law the letter cites, what the claimant will do when ignored, and whom to
/// complain to. One row of `Templates/law/<jurisdiction>.yaml`, its texts in one language.
public struct LegalProvision: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    /// The row's sector; `nil` for the general row of the kind.
    public let sector: Sector?
    public let kind: ClaimKind
    /// The answer period the law gives.
    public let period: AnswerPeriod
    /// The language of `citation`, `consequences`, `authority` and `notes`: the claim's
    /// language when the table has it, else English, else the jurisdiction's own.
    public let language: Language
    /// The law the letter cites for the answer period, ready to print:
    /// «п. 7 ст. 55 Федерального закона от 07.07.2003 № 126-ФЗ «О связи»».
    public let citation: String
    /// What the claimant will do if the period passes unanswered, one sentence each, for
    /// the letter.
    public let consequences: [String]
    /// The body to complain to: «Роскомнадзор», "the Financial Ombudsman Service".
    public let authority: String?
    /// Remarks the user should read: the sector was not given, a figure is unconfirmed.
    public let notes: [String]
    /// Where each figure comes from.
    public let sources: [LegalSource]
    /// Whether every figure of the row was read in the act's text.
    public let confirmed: Bool

    public init(jurisdiction: Jurisdiction, sector: Sector?, kind: ClaimKind, period: AnswerPeriod, language: Language,
                citation: String, consequences: [String], authority: String?, notes: [String],
                sources: [LegalSource], confirmed: Bool) {
        self.jurisdiction = jurisdiction
        self.sector = sector
        self.kind = kind
        self.period = period
        self.language = language
        self.citation = citation
        self.consequences = consequences
        self.authority = authority
        self.notes = notes
        self.sources = sources
        self.confirmed = confirmed
    }
}

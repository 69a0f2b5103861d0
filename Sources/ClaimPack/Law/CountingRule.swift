/// How a jurisdiction counts a period: where it starts and what happens to a last day that
/// is not a working day (ГК РФ ст. 191, 193; ЦК України ст. 253, 254), in one language.
public struct CountingRule: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    /// The language of the texts.
    public let language: Language
    /// The rule on the first day, with its article.
    public let start: String
    /// The rule on a last day that is not a working day, with its article.
    public let end: String
    public let sources: [LegalSource]

    public init(jurisdiction: Jurisdiction, language: Language, start: String, end: String, sources: [LegalSource]) {
        self.jurisdiction = jurisdiction
        self.language = language
        self.start = start
        self.end = end
        self.sources = sources
    }
}

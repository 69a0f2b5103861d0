/// Where a legal figure comes from: the act and article, and the text that was read to
/// confirm it.
public struct LegalSource: Sendable, Hashable {
    /// The act, article and point: «Закон РФ «О защите прав потребителей», ст. 22».
    public let cite: String
    /// The page the text was read on.
    public let url: String?
    /// What was read there, or why it does not settle the figure.
    public let note: String?
    /// Whether the figure was read in the act's text (`false`: only secondary sources).
    public let confirmed: Bool

    public init(cite: String, url: String? = nil, note: String? = nil, confirmed: Bool) {
        self.cite = cite
        self.url = url
        self.note = note
        self.confirmed = confirmed
    }
}

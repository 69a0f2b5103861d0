/// The description of one evidence file.
public struct EvidenceEntry: Sendable, Hashable {
    public var id: String
    /// The path relative to the claim folder, NFC-normalised: `evidence/…`.
    public var file: String
    public var title: String
    public var kind: EvidenceKind
    /// When it was captured, if known.
    public var captured: EventTime?
    /// Where it came from: a URL, an app or a phone number.
    public var source: String?
    /// Printed sheets, for the list of attachments.
    public var sheets: Int?
    /// Whether the entry was derived from the file's name because `claim.yaml` has none.
    public var isDerived: Bool
    /// Whether a copy goes into the envelope and onto the list of attachments
    /// (`evidence[].enclose`): by default yes for a described file, no for a derived one.
    public var enclose: Bool
    public var location: SourceLocation?

    public init(id: String, file: String, title: String, kind: EvidenceKind, captured: EventTime? = nil,
                source: String? = nil, sheets: Int? = nil, isDerived: Bool = false, enclose: Bool? = nil,
                location: SourceLocation? = nil) {
        self.enclose = enclose ?? !isDerived
        self.id = id
        self.file = file
        self.title = title
        self.kind = kind
        self.captured = captured
        self.source = source
        self.sheets = sheets
        self.isDerived = isDerived
        self.location = location
    }
}

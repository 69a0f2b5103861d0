/// The description of one evidence file.
public struct EvidenceEntry: Sendable, Hashable {
    public var id: String
    /// The path relative to the claim folder, NFC-normalised: `evidence/…`.
    public var file: String
    public var title: String
    public var kind: EvidenceKind
    /// Whether the entry was derived from the file's name because `claim.yaml` has none.
    public var isDerived: Bool
    /// Whether a copy goes into the envelope and onto the list of attachments
    /// (`evidence[].enclose`): by default yes for a described file, no for a derived one.
    public var enclose: Bool
    /// The fields only `claim.yaml` gives, out of line: an entry derived from a file's
    /// name has none, and a folder of 64,000 such files held them inline, 128 bytes of
    /// 192 a file (`nil` when all are `nil`, so that equal entries compare equal).
    private var details: Details?

    /// When it was captured, if known.
    public var captured: EventTime? {
        get { details?.fields.captured }
        set { update { $0.captured = newValue } }
    }

    /// Where it came from: a URL, an app or a phone number.
    public var source: String? {
        get { details?.fields.source }
        set { update { $0.source = newValue } }
    }

    /// Printed sheets, for the list of attachments.
    public var sheets: Int? {
        get { details?.fields.sheets }
        set { update { $0.sheets = newValue } }
    }

    public var location: SourceLocation? {
        get { details?.fields.location }
        set { update { $0.location = newValue } }
    }

    public init(id: String, file: String, title: String, kind: EvidenceKind, captured: EventTime? = nil,
                source: String? = nil, sheets: Int? = nil, isDerived: Bool = false, enclose: Bool? = nil,
                location: SourceLocation? = nil) {
        self.enclose = enclose ?? !isDerived
        self.id = id
        self.file = file
        self.title = title
        self.kind = kind
        self.isDerived = isDerived
        details = Details(Fields(captured: captured, source: source, sheets: sheets, location: location))
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = details?.fields ?? Fields()
        change(&fields)
        details = Details(fields)
    }

    private struct Fields: Sendable, Hashable {
        var captured: EventTime?
        var source: String?
        var sheets: Int?
        var location: SourceLocation?
    }

    /// `Fields` in a box of their own (an indirect case is allocated apart).
    private indirect enum Details: Sendable, Hashable {
        case fields(Fields)

        /// The box, or `nil` when every field is `nil`.
        init?(_ fields: Fields) {
            guard fields != Fields() else { return nil }
            self = .fields(fields)
        }

        var fields: Fields {
            switch self {
            case .fields(let fields): fields
            }
        }
    }
}

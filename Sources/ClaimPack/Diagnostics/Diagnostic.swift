/// One problem found in a claim folder: where, how serious, a stable code and a message
/// that says what is wrong and how to fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation
    /// What is wrong and how to fix it.
    public var message: String {
        get { text.message }
        set { text = .written(newValue) }
    }

    private var text: Text

    /// A message, or what it is made from: a folder of 64,000 files no entry describes
    /// gives as many warnings, which a build holds to its end (their texts took 256 bytes
    /// a file, a quarter of the build's memory per file above the libraries).
    private enum Text: Sendable {
        case written(String)
        /// `ClaimDecoder.undescribedMessage(id:kind:title:)`.
        case undescribedEvidence(id: String, kind: EvidenceKind, title: String)

        var message: String {
            switch self {
            case .written(let message): message
            case .undescribedEvidence(let id, let kind, let title): ClaimDecoder.undescribedMessage(id: id, kind: kind, title: title)
            }
        }
    }

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        text = .written(message)
    }

    /// The warning for an evidence file `claim.yaml` does not describe, bundled as the
    /// entry derived from its name; its message is made when it is read.
    init(undescribedEvidence location: SourceLocation, id: String, kind: EvidenceKind, title: String) {
        severity = .warning
        code = .undescribedEvidence
        self.location = location
        text = .undescribedEvidence(id: id, kind: kind, title: title)
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.code == rhs.code && lhs.location == rhs.location && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(code)
        hasher.combine(location)
        hasher.combine(message)
    }

    /// The compiler-style line: `claim.yaml:12:5: error: message`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line and column, then by severity and code, then by message,
    /// so a report reads top to bottom like the file.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity {
            return Severity.allCases.firstIndex(of: lhs.severity)! < Severity.allCases.firstIndex(of: rhs.severity)!
        }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of the diagnostics is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// How many diagnostics have the given severity.
    public func count(of severity: Severity) -> Int { filter { $0.severity == severity }.count }
}

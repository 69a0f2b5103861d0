/// One problem found in a bundle: a stable code, a severity, the archive entry it
/// concerns (when it concerns one) and a message that says what is wrong.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public let code: FindingCode
    public let severity: Severity
    /// The entry's name in the archive, when the finding concerns one.
    public let entry: String?
    public let message: String

    public init(_ code: FindingCode, entry: String? = nil, _ message: String, severity: Severity = .error) {
        self.code = code
        self.severity = severity
        self.entry = entry
        self.message = message
    }

    /// `V204 error: name: message`.
    public var description: String {
        "\(code.rawValue) \(severity.rawValue): " + (entry.map { "\($0): " } ?? "") + message
    }
}

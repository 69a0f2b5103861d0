/// What went wrong with an XML document or schema, with libxml2's messages.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document is not well-formed, or breaks a reading limit; each issue has its line.
    case malformed(document: String, issues: [XMLIssue])
    /// The document has a DOCTYPE, which is never read (no DTDs, no entities).
    case doctypeRefused(document: String)
    /// The schema itself could not be read.
    case unusableSchema(path: String, issues: [XMLIssue])
    /// libxml2's writer failed.
    case writerFailed(operation: String)
    /// Canonicalization failed.
    case canonicalizationFailed(document: String)

    public var description: String {
        switch self {
        case .malformed(let document, let issues):
            "\(document): not well-formed XML: " + issues.map(\.description).joined(separator: "; ")
        case .doctypeRefused(let document):
            "\(document): has a DOCTYPE, which is refused (no DTDs or entities are ever read)"
        case .unusableSchema(let path, let issues):
            "\(path): the schema cannot be used: " + issues.map(\.description).joined(separator: "; ")
        case .writerFailed(let operation):
            "the XML writer failed in \(operation)"
        case .canonicalizationFailed(let document):
            "\(document): cannot be canonicalized"
        }
    }
}

/// One message of libxml2 about a document, with the line it concerns (0 when unknown).
public struct XMLIssue: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// Where a diagnostic points: a file relative to the claim folder, with a line and
/// column (both counted from 1, columns in Unicode scalars) when it points inside a text.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The path relative to the claim folder, for example `claim.yaml` or `evidence/a.png`.
    public var file: String
    /// The line, from 1; `nil` when the diagnostic concerns the whole file.
    public var line: Int?
    /// The column, from 1; `nil` when the diagnostic concerns the whole file or line.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `claim.yaml:12:5`, `claim.yaml:12` or `evidence/a.png`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file.unicodeScalars.lexicographicallyPrecedes(rhs.file.unicodeScalars) }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}

internal import Yams

/// A 1-based line and column (in Unicode scalars) in `claim.yaml`.
struct TextPosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

extension Node {
    /// Where the node starts in the document.
    var position: TextPosition? { mark.map { TextPosition(line: $0.line, column: $0.column) } }
}

/// Reads a document and validates it against a schema in one pass of libxml2's SAX parser
/// (`ValidatingParse`), building its element tree as it goes: what
/// `XMLDocument(parsing:)`, `root` and `XMLSchema.violations(in:)` give together, without
/// libxml2's tree and with one parse instead of three. Hardened like `XMLDocument`: a
/// DOCTYPE is refused unread, the network is never used, and size and depth are limited
/// (depth as the elements open, so a deep document stops early).
public enum XMLValidatingReader {
    /// The document's element tree and the schema's violations (empty when valid).
    public struct Result: Sendable {
        public let root: XMLElement
        public let violations: [XMLIssue]
    }

    /// - Parameter take: given each element as it closes, with its depth (1 for the root);
    ///   an element it returns true for is left out of the tree (the caller has taken what
    ///   it needs of it): so a list of many thousand elements is never held whole.
    /// - Throws: `XMLError.doctypeRefused`, or `.malformed` when the bytes are not
    ///   well-formed XML or break a limit.
    public static func read(_ bytes: [UInt8], name: String, schema: XMLSchema,
                            limits: XMLDocument.Limits = XMLDocument.Limits(),
                            take: ((XMLElement, Int) -> Bool)? = nil) throws(XMLError) -> Result {
        guard bytes.count <= limits.maximumBytes else {
            throw .malformed(document: name, issues: [XMLIssue(line: 0, message: "larger than \(limits.maximumBytes) bytes")])
        }
        if XMLDocument.containsMarkupDeclaration(bytes) { throw .doctypeRefused(document: name) }
        let outcome = ValidatingParse.run(bytes, schema: schema, buildsTree: true, maximumDepth: limits.maximumDepth, take: take)
        if outcome.tooDeep {
            throw .malformed(document: name, issues: [XMLIssue(line: 0, message: "elements nest deeper than \(limits.maximumDepth) levels")])
        }
        guard let root = outcome.root else {
            throw .malformed(document: name, issues: outcome.readingIssues.isEmpty ? [XMLIssue(line: 0, message: "empty document")] : outcome.readingIssues)
        }
        return Result(root: root, violations: outcome.violations)
    }
}

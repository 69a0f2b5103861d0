internal import CLibXML2

/// A W3C XML Schema, read with libxml2, that validates documents and reports each
/// violation with its line.
///
/// `@unchecked Sendable`: after `init` nothing changes it — the compiled schema and its
/// document are only read, and every validation makes its own validation context
/// (`makeValidationContext()`), which is how libxml2 lets threads share one schema.
public final class XMLSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
    /// The schema document libxml2 compiled `pointer` from, kept while the schema lives.
    private let document: xmlDocPtr
    /// The schema's file, for messages.
    public let path: String
    /// The `xs:unique` constraints checked by XMLKit instead of libxml2 (taken out of the
    /// schema libxml2 compiles).
    let uniqueConstraints: [UniqueConstraint]

    /// Reads the schema at `path`.
    public init(contentsOf path: String) throws(XMLError) {
        XMLLibrary.initialize()
        self.path = path
        let collector = XMLErrorCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let read: (xmlDocPtr, [UniqueConstraint], xmlSchemaPtr?)? = collector.collecting {
            guard let document = xmlReadFile(path, nil, options) else { return nil }
            let constraints = UniqueConstraint.takePlainConstraints(from: document)
            guard let context = xmlSchemaNewDocParserCtxt(document) else { return (document, constraints, nil) }
            defer { xmlSchemaFreeParserCtxt(context) }
            return (document, constraints, xmlSchemaParse(context))
        }
        guard let (document, constraints, parsed) = read, let parsed else {
            if let document = read?.0 { xmlFreeDoc(document) }
            throw .unusableSchema(path: path, issues: collector.issues.isEmpty ? [XMLIssue(line: 0, message: "cannot be read")] : collector.issues)
        }
        pointer = parsed
        self.document = document
        uniqueConstraints = constraints
    }

    deinit {
        xmlSchemaFree(pointer)
        xmlFreeDoc(document)
    }

    /// A new validation context of this schema; the caller frees it.
    func makeValidationContext() -> xmlSchemaValidCtxtPtr? {
        xmlSchemaNewValidCtxt(pointer)
    }

    /// Every violation of the schema in `document`; empty when it is valid.
    ///
    /// The document's bytes are validated as they are parsed again (libxml2's streaming
    /// validation), not by walking the tree: libxml2 2.9's tree walk grows with the
    /// square of the elements (5,000 files in a manifest: 50 ms; 20,000: 1.6 s), the
    /// stream linearly. The bytes are those the hardened parse accepted: no DOCTYPE.
    public func violations(in document: XMLDocument) -> [XMLIssue] {
        streamingViolations(document.source)
    }

    /// Every violation of the schema in `bytes`, and every reason they are not well-formed
    /// XML, found in one streaming pass that builds no tree: for documents that need
    /// checking but not reading. A DOCTYPE or entity declaration is refused unread.
    public func violations(inBytes bytes: [UInt8], name: String) -> [XMLIssue] {
        if XMLDocument.containsMarkupDeclaration(bytes) {
            return [XMLIssue(line: 0, message: XMLError.doctypeRefused(document: name).description)]
        }
        return streamingViolations(bytes)
    }

    func streamingViolations(_ bytes: [UInt8]) -> [XMLIssue] {
        let outcome = ValidatingParse.run(bytes, schema: self, buildsTree: false, maximumDepth: .max)
        return outcome.readingIssues + outcome.violations
    }
}

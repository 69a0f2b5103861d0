internal import CLibXML2

/// A W3C XML Schema, read with libxml2, that validates documents and reports each
/// violation with its line.
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The schema's file, for messages.
    public let path: String

    /// Reads the schema at `path`.
    public init(contentsOf path: String) throws(XMLError) {
        XMLLibrary.initialize()
        self.path = path
        let collector = XMLErrorCollector()
        let parsed: xmlSchemaPtr? = collector.collecting {
            guard let context = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
        guard let parsed else {
            throw .unusableSchema(path: path, issues: collector.issues.isEmpty ? [XMLIssue(line: 0, message: "cannot be read")] : collector.issues)
        }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// Every violation of the schema in `document`; empty when it is valid.
    public func violations(in document: XMLDocument) -> [XMLIssue] {
        let collector = XMLErrorCollector()
        let result: Int32 = collector.collecting {
            guard let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        if result == 0 { return [] }
        return collector.issues.isEmpty ? [XMLIssue(line: 0, message: "not valid (libxml2 gave no detail)")] : collector.issues
    }
}

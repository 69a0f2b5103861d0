internal import CLibXML2

/// A W3C XML Schema, read with libxml2, that validates documents and reports each
/// violation with its line.
public final class XMLSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
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
        pointer = parsed
    }

    deinit { xmlSchemaFree(pointer) }

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
        let collector = XMLErrorCollector()
        let result: Int32 = collector.collecting {
            guard let context = xmlSchemaNewValidCtxt(pointer) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            return bytes.withUnsafeBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                // The parser that xmlSchemaValidateStream makes owns and frees the input.
                let input = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlParserInputBufferCreateMem($0, Int32(buffer.count), XML_CHAR_ENCODING_NONE)
                }
                guard let input else { return -1 }
                return xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_NONE, nil, nil)
            }
        }
        if result == 0 { return [] }
        return collector.issues.isEmpty ? [XMLIssue(line: 0, message: "not valid (libxml2 gave no detail)")] : collector.issues
    }
}

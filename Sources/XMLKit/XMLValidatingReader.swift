internal import CLibXML2

/// Reads a document with libxml2's streaming reader, building its element tree as it
/// goes, then validates its bytes against a schema, streaming: what
/// `XMLDocument(parsing:)`, `root` and `XMLSchema.violations(in:)` give together, in two
/// passes instead of three, without libxml2's tree. Hardened like `XMLDocument`: a
/// DOCTYPE is refused unread, the network is never used, and size and depth are limited
/// (depth as the elements open, so a deep document stops early).
///
/// The schema is not attached to the reader: libxml2 2.9 leaks the validation state of
/// the open elements when a reader stops on a malformed document (found by the fuzzer);
/// only a well-formed document is validated.
public enum XMLValidatingReader {
    /// The document's element tree and the schema's violations (empty when valid).
    public struct Result: Sendable {
        public let root: XMLElement
        public let violations: [XMLIssue]
    }

    /// - Throws: `XMLError.doctypeRefused`, or `.malformed` when the bytes are not
    ///   well-formed XML or break a limit.
    public static func read(_ bytes: [UInt8], name: String, schema: XMLSchema,
                            limits: XMLDocument.Limits = XMLDocument.Limits()) throws(XMLError) -> Result {
        XMLLibrary.initialize()
        guard bytes.count <= limits.maximumBytes else {
            throw .malformed(document: name, issues: [XMLIssue(line: 0, message: "larger than \(limits.maximumBytes) bytes")])
        }
        if XMLDocument.containsMarkupDeclaration(bytes) { throw .doctypeRefused(document: name) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let collector = XMLErrorCollector()
        let built: Swift.Result<XMLElement?, XMLError> = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                let reader = buffer.baseAddress.flatMap { base in
                    UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlReaderForMemory($0, Int32(buffer.count), name, nil, options)
                    }
                }
                guard let reader else { return .success(nil) }
                defer { xmlFreeTextReader(reader) }
                return Swift.Result { () throws(XMLError) in try tree(from: reader, name: name, maximumDepth: limits.maximumDepth) }
            }
        }
        let root = try built.get()
        guard let root, collector.issues.isEmpty else {
            throw .malformed(document: name, issues: collector.issues.isEmpty ? [XMLIssue(line: 0, message: "empty document")] : collector.issues)
        }
        return Result(root: root, violations: schema.streamingViolations(bytes))
    }

    /// One element being read: what `XMLElement` will hold once its end is reached.
    private struct OpenElement {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        let line: Int
        var text = ""
        var children: [XMLElement] = []

        func closed() -> XMLElement {
            XMLElement(name: name, namespace: namespace, attributes: attributes, text: text, children: children, line: line)
        }
    }

    private static func tree(from reader: xmlTextReaderPtr, name: String, maximumDepth: Int) throws(XMLError) -> XMLElement? {
        var open: [OpenElement] = []
        var root: XMLElement?
        func close(_ element: XMLElement) {
            if open.isEmpty { root = element } else { open[open.count - 1].children.append(element) }
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            guard status == 1 else { return nil }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                guard open.count < maximumDepth else {
                    throw .malformed(document: name, issues: [XMLIssue(line: 0, message: "elements nest deeper than \(maximumDepth) levels")])
                }
                let element = OpenElement(name: XMLString.string(xmlTextReaderConstLocalName(reader)),
                                          namespace: xmlTextReaderConstNamespaceUri(reader).map { XMLString.string($0) },
                                          attributes: attributes(of: reader),
                                          line: Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader))))
                if xmlTextReaderIsEmptyElement(reader) == 1 { close(element.closed()) } else { open.append(element) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                guard let element = open.popLast() else { return nil }
                close(element.closed())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if !open.isEmpty { open[open.count - 1].text += XMLString.string(xmlTextReaderConstValue(reader)) }
            default:
                break
            }
        }
        return open.isEmpty ? root : nil
    }

    /// The attributes of the element the reader is on, by local name, values decoded;
    /// namespace declarations are not attributes (as in the tree, where they are `nsDef`).
    private static func attributes(of reader: xmlTextReaderPtr) -> [String: String] {
        var attributes: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) != 1 {
                attributes[XMLString.string(xmlTextReaderConstLocalName(reader))] = XMLString.string(xmlTextReaderConstValue(reader))
            }
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }
}

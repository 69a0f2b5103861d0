internal import CLibXML2

/// A parsed XML document, read the hardened way: any DOCTYPE is refused before parsing
/// (so no DTD, no entity is ever considered), the network is never used, and size and
/// depth are limited.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The bytes the document was parsed from (validation reads them again, streaming).
    let source: [UInt8]
    /// The name used in messages, for example `manifest.xml`.
    public let name: String

    /// Reading limits for documents that may be hostile.
    public struct Limits: Sendable {
        public var maximumBytes: Int
        public var maximumDepth: Int

        public init(maximumBytes: Int = 16 << 20, maximumDepth: Int = 64) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
        }
    }

    /// Parses `bytes`.
    ///
    /// - Parameters:
    ///   - ignoringBlankText: drop whitespace-only text between elements (indentation),
    ///     as canonical forms of pretty-printed documents need.
    /// - Throws: `XMLError.doctypeRefused`, or `.malformed` with libxml2's messages and
    ///   lines, or when a limit is broken.
    public init(parsing bytes: [UInt8], name: String, ignoringBlankText: Bool = false,
                limits: Limits = Limits()) throws(XMLError) {
        XMLLibrary.initialize()
        self.name = name
        guard bytes.count <= limits.maximumBytes else {
            throw .malformed(document: name, issues: [XMLIssue(line: 0, message: "larger than \(limits.maximumBytes) bytes")])
        }
        if XMLDocument.containsMarkupDeclaration(bytes) { throw .doctypeRefused(document: name) }
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        if ignoringBlankText { options |= Int32(XML_PARSE_NOBLANKS.rawValue) }
        let collector = XMLErrorCollector()
        let parsed: xmlDocPtr? = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlReadMemory($0, Int32(buffer.count), name, nil, options)
                    }
                }
            }
        }
        guard let parsed, collector.issues.isEmpty || xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            throw .malformed(document: name, issues: collector.issues.isEmpty ? [XMLIssue(line: 0, message: "empty document")] : collector.issues)
        }
        if !collector.issues.isEmpty {
            xmlFreeDoc(parsed)
            throw .malformed(document: name, issues: collector.issues)
        }
        pointer = parsed
        source = bytes
        if XMLDocument.depth(of: xmlDocGetRootElement(parsed)) > limits.maximumDepth {
            throw .malformed(document: name, issues: [XMLIssue(line: 0, message: "elements nest deeper than \(limits.maximumDepth) levels")])
        }
    }

    deinit { xmlFreeDoc(pointer) }

    /// The local name of the root element.
    public var rootName: String { XMLString.string(xmlDocGetRootElement(pointer)?.pointee.name) }

    /// The namespace URI of the root element, if any.
    public var rootNamespace: String? {
        guard let namespace = xmlDocGetRootElement(pointer)?.pointee.ns else { return nil }
        return XMLString.string(namespace.pointee.href)
    }

    /// Whether the bytes hold `<!DOCTYPE` or `<!ENTITY`, in any letter case: refused
    /// before the parser sees them.
    static func containsMarkupDeclaration(_ bytes: [UInt8]) -> Bool {
        let patterns: [[UInt8]] = [Array("<!doctype".utf8), Array("<!entity".utf8)]
        guard bytes.count >= 8 else { return false }
        for index in 0..<(bytes.count - 7) where bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "!") {
            for pattern in patterns where index + pattern.count <= bytes.count {
                if zip(pattern, bytes[index..<index + pattern.count]).allSatisfy({ $0 == ($1 | 0x20) || $0 == $1 }) {
                    return true
                }
            }
        }
        return false
    }

    private static func depth(of node: xmlNodePtr?) -> Int {
        var deepest = 0
        var stack: [(xmlNodePtr, Int)] = node.map { [($0, 1)] } ?? []
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            if level > 1000 { return level }
            var child = current.pointee.children
            while let element = child {
                if element.pointee.type == XML_ELEMENT_NODE { stack.append((element, level + 1)) }
                child = element.pointee.next
            }
        }
        return deepest
    }
}

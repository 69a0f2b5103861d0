internal import CLibXML2

/// Writes an XML document with libxml2's text writer, UTF-8, indented by two spaces.
///
/// ```swift
/// let writer = try XMLWriter()
/// try writer.element("claim", attributes: [("id", "x")]) {
///     try writer.element("subject", text: "…")
/// }
/// let bytes = try writer.finish()
/// ```
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?

    /// Starts a document with an XML declaration.
    public init(indent: Bool = true) throws(XMLError) {
        guard let buffer = xmlBufferCreate() else { throw .writerFailed(operation: "xmlBufferCreate") }
        self.buffer = buffer
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .writerFailed(operation: "xmlNewTextWriterMemory")
        }
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString { xmlTextWriterSetIndentString(writer, XMLString.cast($0)) }
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start of document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// Opens an element; the namespace, when given, is declared as the default namespace.
    public func start(_ name: String, namespace: String? = nil, attributes: [(String, String?)] = []) throws(XMLError) {
        let writer = try openWriter()
        let result: Int32 = name.withCString { namePointer in
            if let namespace {
                return namespace.withCString { xmlTextWriterStartElementNS(writer, nil, XMLString.cast(namePointer), XMLString.cast($0)) }
            }
            return xmlTextWriterStartElement(writer, XMLString.cast(namePointer))
        }
        try check(result, "<\(name)>")
        for case let (key, value?) in attributes {
            try attribute(key, value)
        }
    }

    /// Writes an attribute of the element just opened.
    public func attribute(_ name: String, _ value: String) throws(XMLError) {
        let writer = try openWriter()
        let result = name.withCString { namePointer in
            value.withCString { xmlTextWriterWriteAttribute(writer, XMLString.cast(namePointer), XMLString.cast($0)) }
        }
        try check(result, "attribute \(name)")
    }

    /// Writes escaped text.
    public func text(_ text: String) throws(XMLError) {
        let writer = try openWriter()
        try check(text.withCString { xmlTextWriterWriteString(writer, XMLString.cast($0)) }, "text")
    }

    /// Closes the innermost open element.
    public func end() throws(XMLError) {
        try check(xmlTextWriterEndElement(try openWriter()), "end of element")
    }

    /// An element with attributes and the children `body` writes.
    public func element(_ name: String, namespace: String? = nil, attributes: [(String, String?)] = [],
                        _ body: () throws(XMLError) -> Void = {}) throws(XMLError) {
        try start(name, namespace: namespace, attributes: attributes)
        try body()
        try end()
    }

    /// An element holding only text; nothing at all when `text` is `nil`.
    public func element(_ name: String, text: String?, attributes: [(String, String?)] = []) throws(XMLError) {
        guard let text else { return }
        try start(name, attributes: attributes)
        try self.text(text)
        try end()
    }

    /// Ends the document and returns its bytes.
    public func finish() throws(XMLError) -> [UInt8] {
        let writer = try openWriter()
        try check(xmlTextWriterEndDocument(writer), "end of document")
        xmlFreeTextWriter(writer)
        self.writer = nil
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    private func openWriter() throws(XMLError) -> xmlTextWriterPtr {
        guard let writer else { throw .writerFailed(operation: "write after finish") }
        return writer
    }

    private func check(_ result: Int32, _ operation: String) throws(XMLError) {
        if result < 0 { throw .writerFailed(operation: operation) }
    }
}

/// Conversions between Swift's C strings and libxml2's `xmlChar`.
enum XMLString {
    static func cast(_ pointer: UnsafePointer<CChar>) -> UnsafePointer<xmlChar> {
        UnsafeRawPointer(pointer).assumingMemoryBound(to: xmlChar.self)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}

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
    /// The document written so far: libxml2 hands its output here in pieces of about
    /// 4 KB, so that the document is held once (in libxml2's memory buffer it was held
    /// twice at the end, there and in the copy `finish()` returned: 17 MB more at the peak
    /// of a build of 64,000 files).
    private final class Output {
        var bytes: [UInt8] = []
    }

    private let output = Output()
    private var writer: xmlTextWriterPtr?

    /// Starts a document with an XML declaration.
    ///
    /// - Parameter expectedSize: room made for the document at once, in bytes: a bound
    ///   from above keeps a large document from being copied as it grows (pages reserved
    ///   and never written take no memory).
    public init(indent: Bool = true, expectedSize: Int = 0) throws(XMLError) {
        output.bytes.reserveCapacity(expectedSize)
        let sink = xmlOutputBufferCreateIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let output = Unmanaged<Output>.fromOpaque(context).takeUnretainedValue()
            UnsafeRawPointer(buffer).withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return length
        }, nil, Unmanaged.passUnretained(output).toOpaque(), nil)
        guard let sink else { throw .writerFailed(operation: "xmlOutputBufferCreateIO") }
        // The writer owns `sink` from here, and closes it when freed.
        guard let writer = xmlNewTextWriter(sink) else {
            xmlOutputBufferClose(sink)
            throw .writerFailed(operation: "xmlNewTextWriter")
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
        // Freeing the writer closes its output, which hands over what libxml2 still holds.
        xmlFreeTextWriter(writer)
        self.writer = nil
        let bytes = output.bytes
        output.bytes = []
        return bytes
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

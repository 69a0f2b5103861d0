internal import CLibXML2

/// One pass of libxml2's SAX parser over a document's bytes, with the schema's streaming
/// validation plugged into it (`xmlSchemaSAXPlug`) and the identity constraints XMLKit
/// checks itself (`UniqueKeyTracker`); the `XMLElement` tree is built on the way when
/// asked. No libxml2 tree is made.
///
/// The caller refuses a DOCTYPE first, so only the predefined entities and character
/// references exist: they are replaced in attribute values (`XML_PARSE_NOENT`), as the
/// tree gives them. The network is never used. When the elements nest deeper than
/// `maximumDepth`, the parser is stopped there.
final class ValidatingParse {
    /// What the pass found.
    struct Outcome {
        /// The root element, when a tree was asked for and the document is well-formed.
        let root: XMLElement?
        /// Why the document is not well-formed; empty when it is.
        let readingIssues: [XMLIssue]
        /// The schema's violations (meaningful only when the document is well-formed).
        let violations: [XMLIssue]
        /// Whether the elements nest deeper than allowed (parsing stopped there).
        let tooDeep: Bool
    }

    /// Parses and validates `bytes` against `schema`.
    /// - Parameter take: given each element of the tree as it closes, with its depth (1 for
    ///   the root); an element it returns true for is left out of its parent (the caller
    ///   has taken what it needs of it), so that a long list need not be held whole.
    static func run(_ bytes: [UInt8], schema: XMLSchema, buildsTree: Bool, maximumDepth: Int,
                    take: ((XMLElement, Int) -> Bool)? = nil) -> Outcome {
        XMLLibrary.initialize()
        let parse = ValidatingParse(buildsTree: buildsTree, maximumDepth: maximumDepth, constraints: schema.uniqueConstraints)
        parse.take = take
        let wellFormed = parse.collector.collecting { parse.parse(bytes, schema: schema) }
        var readingIssues = parse.collector.readingIssues
        if !wellFormed, readingIssues.isEmpty, !parse.tooDeep {
            readingIssues = [XMLIssue(line: 0, message: bytes.isEmpty ? "empty document" : "not well-formed")]
        }
        return Outcome(root: readingIssues.isEmpty ? parse.root : nil, readingIssues: readingIssues,
                       violations: parse.collector.violations, tooDeep: parse.tooDeep)
    }

    private let buildsTree: Bool
    private let maximumDepth: Int
    private let collector = XMLErrorCollector()
    private var keys: UniqueKeyTracker
    private var parser: xmlParserCtxtPtr?
    private var depth = 0
    private var tooDeep = false
    private var open: [OpenElement] = []
    private var root: XMLElement?
    private var take: ((XMLElement, Int) -> Bool)?
    /// Names as Swift strings, by the address libxml2's dictionary keeps them at.
    private var interned: [UnsafePointer<xmlChar>: String] = [:]
    /// The names the constraints use: a name the document uses is made the same string,
    /// so that comparing them compares two references.
    private let constraintNames: [String: String]

    private init(buildsTree: Bool, maximumDepth: Int, constraints: [UniqueConstraint]) {
        self.buildsTree = buildsTree
        self.maximumDepth = maximumDepth
        keys = UniqueKeyTracker(constraints)
        let names = constraints.flatMap { [$0.owner] + $0.selector }.flatMap { [$0.local] + ($0.namespace.map { [$0] } ?? []) }
        constraintNames = Dictionary(names.map { ($0, $0) }) { first, _ in first }
    }

    /// The bytes handed to the push parser at a time.
    static let pieceSize = 64 << 10

    /// Runs the parser; whether the document is well-formed.
    private func parse(_ bytes: [UInt8], schema: XMLSchema) -> Bool {
        bytes.withUnsafeBytes { parse($0.assumingMemoryBound(to: CChar.self), schema: schema) }
    }

    /// Runs the parser on `document`, which stays in place until it returns.
    private func parse(_ document: UnsafeBufferPointer<CChar>, schema: XMLSchema) -> Bool {
        // A check that builds no tree feeds the bytes in pieces (libxml2's push parser).
        // Readers that build a tree keep the pull parser the memory parser is, whose words
        // for broken documents the verifier reports, but read the bytes where they are
        // through a read callback: `xmlCreateMemoryParserCtxt` copies the whole document
        // first (a manifest of 64,000 files: 17 MB more at the peak of a verify).
        let input = DocumentInput(document)
        return withExtendedLifetime(input) {
            let created: xmlParserCtxtPtr? = buildsTree ? input.parserContext() : xmlCreatePushParserCtxt(nil, nil, nil, 0, nil)
            guard let context = created else { return false }
            defer { xmlFreeParserCtxt(context) }
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue
                | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            context.pointee.sax.pointee = ValidatingParse.handler
            context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
            parser = context
            defer { parser = nil }
            guard let validation = schema.makeValidationContext() else { return false }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaValidateSetLocator(validation, { context, file, line in
                file?.pointee = nil
                line?.pointee = UInt(max(0, xmlSAX2GetLineNumber(context)))
                return 0
            }, UnsafeMutableRawPointer(context))
            guard let plug = xmlSchemaSAXPlug(validation, &context.pointee.sax, &context.pointee.userData) else { return false }
            if buildsTree {
                xmlParseDocument(context)
            } else {
                if let start = document.baseAddress {
                    var offset = 0
                    while offset < document.count {
                        let count = min(ValidatingParse.pieceSize, document.count - offset)
                        xmlParseChunk(context, start + offset, Int32(count), 0)
                        offset += count
                    }
                }
                xmlParseChunk(context, nil, 0, 1)
            }
            xmlSchemaSAXUnplug(plug)
            return context.pointee.wellFormed != 0 && !tooDeep
        }
    }

    /// The document's bytes handed to libxml2's pull parser as it asks for them.
    private final class DocumentInput {
        let document: UnsafeBufferPointer<CChar>
        var offset = 0

        init(_ document: UnsafeBufferPointer<CChar>) {
            self.document = document
        }

        /// A parser context reading the document (`nil` for an empty one, as
        /// `xmlCreateMemoryParserCtxt` gives); `self` must outlive it.
        func parserContext() -> xmlParserCtxtPtr? {
            guard !document.isEmpty else { return nil }
            return xmlCreateIOParserCtxt(nil, nil, { context, buffer, length in
                guard let context, let buffer, length > 0 else { return 0 }
                let input = Unmanaged<DocumentInput>.fromOpaque(context).takeUnretainedValue()
                let count = min(Int(length), input.document.count - input.offset)
                if count > 0, let start = input.document.baseAddress {
                    buffer.update(from: start + input.offset, count: count)
                    input.offset += count
                }
                return Int32(count)
            }, nil, Unmanaged.passUnretained(self).toOpaque(), XML_CHAR_ENCODING_NONE)
        }
    }

    /// The callbacks: elements and text; comments and processing instructions are skipped.
    private static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, namespace, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            Unmanaged<ValidatingParse>.fromOpaque(context).takeUnretainedValue()
                .start(localName, namespace: namespace, attributes: AttributeList(pointer: attributes, count: Int(attributeCount)))
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<ValidatingParse>.fromOpaque(context).takeUnretainedValue().end()
        }
        let text: charactersSAXFunc = { context, characters, length in
            guard let context, let characters, length > 0 else { return }
            Unmanaged<ValidatingParse>.fromOpaque(context).takeUnretainedValue()
                .text(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        handler.characters = text
        handler.ignorableWhitespace = text
        handler.cdataBlock = text
        return handler
    }

    private func start(_ localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: AttributeList) {
        guard depth < maximumDepth else {
            tooDeep = true
            if let parser { xmlStopParser(parser) }
            return
        }
        depth += 1
        guard buildsTree || !keys.isEmpty else { return }
        let line = Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(parser)))
        let name = UniqueConstraint.Name(namespace: namespace.map(string), local: string(localName))
        if !keys.isEmpty {
            keys.open(name, line: line) { attributes.value(named: $0) }.forEach(collector.addViolation)
        }
        if buildsTree {
            open.append(OpenElement(name: name.local, namespace: name.namespace, attributes: attributes.collected(naming: string), line: line))
        }
    }

    private func end() {
        guard depth > 0 else { return }
        depth -= 1
        if !keys.isEmpty { keys.close() }
        guard buildsTree, let element = open.popLast() else { return }
        let closed = element.closed()
        if let take, take(closed, open.count + 1) { return }
        if open.isEmpty { root = closed } else { open[open.count - 1].children.append(closed) }
    }

    private func text(_ characters: UnsafeBufferPointer<xmlChar>) {
        guard buildsTree, !open.isEmpty else { return }
        open[open.count - 1].text.append(contentsOf: characters)
    }

    /// A name as a Swift string, made once per name the parser's dictionary holds.
    private func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        if let known = interned[pointer] { return known }
        var made = XMLString.string(pointer)
        if let same = constraintNames[made] { made = same }
        if let dictionary = parser?.pointee.dict, xmlDictOwns(dictionary, pointer) == 1 { interned[pointer] = made }
        return made
    }

    /// One element being read: what `XMLElement` will hold once its end is reached.
    private struct OpenElement {
        let name: String
        let namespace: String?
        let attributes: XMLAttributes
        let line: Int
        var text: [UInt8] = []
        var children: [XMLElement] = []

        func closed() -> XMLElement {
            XMLElement(name: name, namespace: namespace, attributes: attributes, text: String(decoding: text, as: UTF8.self),
                       children: children, line: line)
        }
    }

    /// The attributes SAX2 hands over: five pointers each (local name, prefix, namespace,
    /// value start, value end).
    private struct AttributeList {
        let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        let count: Int

        /// The value of the attribute without namespace called `name`.
        func value(named name: String) -> String? {
            guard let pointer else { return nil }
            for index in 0..<count {
                let fields = pointer + 5 * index
                if fields[2] == nil, let local = fields[0], Self.equal(local, name) { return value(fields) }
            }
            return nil
        }

        /// Every attribute's value by local name.
        func collected(naming name: (UnsafePointer<xmlChar>) -> String) -> XMLAttributes {
            guard let pointer, count > 0 else { return XMLAttributes() }
            var values = XMLAttributes(capacity: count)
            for index in 0..<count {
                let fields = pointer + 5 * index
                if let local = fields[0] { values.append(name(local), value(fields)) }
            }
            return values
        }

        /// Whether the C string `local` is `name`, compared without making a string.
        private static func equal(_ local: UnsafePointer<xmlChar>, _ name: String) -> Bool {
            var index = 0
            for byte in name.utf8 {
                guard local[index] == byte else { return false }
                index += 1
            }
            return local[index] == 0
        }

        private func value(_ fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> String {
            guard let start = fields[3], let end = fields[4], end > start else { return "" }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
    }
}

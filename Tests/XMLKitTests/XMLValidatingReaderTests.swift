import Foundation
import Testing
@testable import XMLKit

/// The one-pass reader must give the tree `XMLDocument(parsing:).root` gives and the
/// violations `XMLSchema.violations(in:)` gives, on documents with every kind of content.
struct XMLValidatingReaderTests {
    private static let schemaText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" elementFormDefault="qualified">
          <xs:element name="doc">
            <xs:complexType mixed="true">
              <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              <xs:attribute name="count" type="xs:positiveInteger"/>
              <xs:anyAttribute processContents="skip"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    private static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <doc xmlns="urn:test" xmlns:x="urn:other" count="3" x:note="a &amp; b &lt;c&gt; &#38; &#x41;&#x42;">
          text &amp; more <![CDATA[<raw> & data]]>
          <x:item path="data/evidence/R&amp;D report.pdf" empty=""/>
          <?pi something?>
          <group><inner a="1">deep <b>bold</b> tail</inner></group>
          <item>Юникод и пробелы  </item>
        </doc>
        """

    private func schema() throws -> XMLSchema {
        try XMLKitTestSupport.schema(Self.schemaText)
    }

    @Test func theTreeIsTheDocumentsTree() throws {
        let bytes = Array(Self.document.utf8)
        let read = try XMLValidatingReader.read(bytes, name: "doc.xml", schema: schema())
        #expect(read.violations.isEmpty, "\(read.violations)")
        let parsed = try #require(try XMLDocument(parsing: bytes, name: "doc.xml").root)
        #expect(read.root == parsed)
        #expect(read.root.attributes["note"] == "a & b <c> & AB")
        #expect(read.root.child("item")?.attributes["path"] == "data/evidence/R&D report.pdf")
    }

    @Test func violationsAreTheSchemasViolations() throws {
        let schema = try schema()
        let bytes = Array(Self.document.replacingOccurrences(of: "count=\"3\"", with: "count=\"-3\"").utf8)
        let read = try XMLValidatingReader.read(bytes, name: "doc.xml", schema: schema)
        let expected = schema.violations(in: try XMLDocument(parsing: bytes, name: "doc.xml"))
        #expect(read.violations.count == 1 && read.violations == expected, "\(read.violations) \(expected)")
    }

    @Test func badDocumentsAreRefusedAsTheParserRefusesThem() throws {
        let schema = try schema()
        #expect(throws: XMLError.self) { try XMLValidatingReader.read(Array("<doc xmlns=\"urn:test\"><a></doc>".utf8), name: "d", schema: schema) }
        #expect(throws: XMLError.doctypeRefused(document: "d")) {
            try XMLValidatingReader.read(Array("<!DOCTYPE doc><doc xmlns=\"urn:test\"/>".utf8), name: "d", schema: schema)
        }
        let deep = "<doc xmlns=\"urn:test\">" + String(repeating: "<a>", count: 70) + String(repeating: "</a>", count: 70) + "</doc>"
        #expect(throws: XMLError.self) { try XMLValidatingReader.read(Array(deep.utf8), name: "d", schema: schema) }
        var limits = XMLDocument.Limits()
        limits.maximumBytes = 10
        #expect(throws: XMLError.self) { try XMLValidatingReader.read(Array(Self.document.utf8), name: "d", schema: schema, limits: limits) }
        #expect(throws: XMLError.self) { try XMLValidatingReader.read([], name: "d", schema: schema) }
    }

    /// The reader reads the bytes in place, through libxml2's read callback: a document of
    /// 12 MB (more than libxml2's 10 MB look-up limit, thousands of pieces) is read whole,
    /// its elements taken as they close; cut in the middle, it is malformed, and the
    /// message is the memory parser's (`XMLDocument`, an independent reading).
    @Test func aLongDocumentIsReadWholeAndACutOneIsNot() throws {
        let schema = try schema()
        let count = 120_000
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc xmlns=\"urn:test\">\n"
        for index in 0..<count {
            text += "  <item n=\"\(index)\" path=\"data/evidence/\(index / 1000)/file-\(index).bin\">a &amp; b, line \(index)</item>\n"
        }
        text += "</doc>\n"
        let bytes = Array(text.utf8)
        #expect(bytes.count > 10_000_000)
        var taken = 0
        var last: String?
        let read = try XMLValidatingReader.read(bytes, name: "doc.xml", schema: schema) { element, depth in
            guard depth == 2 else { return false }
            taken += 1
            last = element.attributes["n"]
            return true
        }
        #expect(read.violations.isEmpty)
        #expect(taken == count)
        #expect(last == String(count - 1))
        #expect(read.root.children.isEmpty)

        let cut = Array(bytes[..<(bytes.count / 2)])
        var expected: XMLError?
        do { _ = try XMLDocument(parsing: cut, name: "doc.xml") } catch { expected = error }
        var found: XMLError?
        do { _ = try XMLValidatingReader.read(cut, name: "doc.xml", schema: schema) } catch { found = error }
        #expect(expected != nil)
        #expect(found == expected)
    }

    /// Every cut of a document short of its end is malformed, and says so; none crashes or
    /// leaks (`swift test --sanitize=address` shows a leak; the fuzzer runs with it).
    @Test func everyTruncatedDocumentIsMalformed() throws {
        let schema = try schema()
        let bytes = Array(Self.document.utf8)
        let end = try #require(bytes.lastIndex(of: UInt8(ascii: ">")))
        for length in stride(from: 0, to: end, by: 7) {
            #expect(throws: XMLError.self) { try XMLValidatingReader.read(Array(bytes[..<length]), name: "d", schema: schema) }
        }
    }
}

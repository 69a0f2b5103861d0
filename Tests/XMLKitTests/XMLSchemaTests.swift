import Foundation
import Testing
@testable import XMLKit

/// `XMLSchema` validates the bytes a document was parsed from, streaming: every kind of
/// violation is still found, with its line, in documents of thousands of elements.
struct XMLSchemaTests {
    private static let schemaText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test"
                   targetNamespace="urn:test" elementFormDefault="qualified">
          <xs:element name="list">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="item" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="xs:string" use="required"/>
                    <xs:attribute name="size" type="xs:nonNegativeInteger" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
            <xs:unique name="uniqueId">
              <xs:selector xpath="t:item"/>
              <xs:field xpath="@id"/>
            </xs:unique>
          </xs:element>
        </xs:schema>
        """

    private func schema() throws -> XMLSchema {
        try XMLKitTestSupport.schema(Self.schemaText)
    }

    /// A list of `count` items, one per line from line 3; `edit` may change an item's line.
    private func document(count: Int, edit: (Int, String) -> String = { $1 }) throws -> XMLDocument {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list xmlns=\"urn:test\">\n"
        for index in 0..<count { text += edit(index, "  <item id=\"i\(index)\" size=\"\(index)\"/>") + "\n" }
        text += "</list>\n"
        return try XMLDocument(parsing: Array(text.utf8), name: "list.xml")
    }

    @Test func aValidDocumentHasNoViolation() throws {
        #expect(try schema().violations(in: document(count: 20_000)).isEmpty)
    }

    @Test func violationsAreFoundWithTheirLines() throws {
        let schema = try schema()
        let badSize = try document(count: 5_000) { $0 == 4_000 ? "  <item id=\"x\" size=\"-1\"/>" : $1 }
        let sizeIssues = schema.violations(in: badSize)
        #expect(sizeIssues.count == 1 && sizeIssues.first?.line == 4_003, "\(sizeIssues)")
        let duplicate = try document(count: 5_000) { $0 == 4_500 ? "  <item id=\"i7\" size=\"1\"/>" : $1 }
        let duplicateIssues = schema.violations(in: duplicate)
        #expect(duplicateIssues.count == 1 && duplicateIssues.first?.line == 4_503, "\(duplicateIssues)")
        #expect(duplicateIssues.first?.message.contains("Duplicate") == true, "\(duplicateIssues)")
        let missing = try document(count: 10) { $0 == 5 ? "  <item id=\"y\"/>" : $1 }
        #expect(schema.violations(in: missing).first?.line == 8)
    }

    /// Bytes checked without a tree: violations, malformed XML and DOCTYPEs are all found.
    @Test func bytesAreCheckedWithoutATree() throws {
        let schema = try schema()
        let valid = Array("<list xmlns=\"urn:test\">\n  <item id=\"a\" size=\"1\"/>\n</list>\n".utf8)
        #expect(schema.violations(inBytes: valid, name: "list.xml").isEmpty)
        let invalid = Array("<list xmlns=\"urn:test\">\n  <item id=\"a\" size=\"x\"/>\n</list>\n".utf8)
        #expect(schema.violations(inBytes: invalid, name: "list.xml").map(\.line) == [2])
        let malformed = Array("<list xmlns=\"urn:test\">\n  <item id=\"a\" size=\"1\">\n</list>\n".utf8)
        #expect(!schema.violations(inBytes: malformed, name: "list.xml").isEmpty)
        let doctype = Array("<!DOCTYPE list [<!ENTITY e \"x\">]>\n<list xmlns=\"urn:test\"/>\n".utf8)
        #expect(schema.violations(inBytes: doctype, name: "list.xml").first?.message.contains("DOCTYPE") == true)
    }
}

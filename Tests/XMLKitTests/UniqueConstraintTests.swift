import Foundation
import Testing
@testable import XMLKit

/// XMLKit checks the plain `xs:unique` constraints itself (libxml2's check is quadratic);
/// it must find exactly the duplicates libxml2 finds, with libxml2's words.
struct UniqueConstraintTests {
    /// A schema of a list of items, unique by `id`; `selector` is how the constraint
    /// selects the items.
    private func schema(selector: String) throws -> XMLSchema {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test"
                       targetNamespace="urn:test" elementFormDefault="qualified">
              <xs:element name="list">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="group" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:element name="item" minOccurs="0" maxOccurs="unbounded">
                            <xs:complexType><xs:attribute name="id" type="xs:string"/></xs:complexType>
                          </xs:element>
                        </xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
                <xs:unique name="uniqueId">
                  <xs:selector xpath="\(selector)"/>
                  <xs:field xpath="@id"/>
                </xs:unique>
              </xs:element>
            </xs:schema>
            """
        return try XMLKitTestSupport.schema(text)
    }

    /// Groups of items, one item per line; an item without id when its id is nil.
    private func document(_ groups: [[String?]]) -> [UInt8] {
        var text = "<list xmlns=\"urn:test\">\n"
        for group in groups {
            text += "<group>\n"
            for id in group { text += id.map { "<item id=\"\($0)\"/>\n" } ?? "<item/>\n" }
            text += "</group>\n"
        }
        return Array((text + "</list>\n").utf8)
    }

    @Test func thePlainFormIsCheckedByXMLKitAndAnyOtherByLibxml2() throws {
        #expect(try schema(selector: "t:group/t:item").uniqueConstraints.count == 1)
        #expect(try schema(selector: "./t:group/t:item").uniqueConstraints.count == 1)
        #expect(try schema(selector: ".//t:item").uniqueConstraints.isEmpty)
        #expect(try schema(selector: "t:group/t:item | t:group/t:item").uniqueConstraints.isEmpty)
    }

    /// Random lists with repeated ids: the same findings, word for word, whether XMLKit or
    /// libxml2 checks (items are on one line each, where both report them).
    @Test func theDuplicatesAreLibxml2sDuplicates() throws {
        let ours = try schema(selector: "t:group/t:item")
        let libxml2s = try schema(selector: ".//t:item")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let groups = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    Bool.random(using: &generator) && Bool.random(using: &generator) ? nil : "i\(Int.random(in: 0...15, using: &generator))"
                }
            }
            let bytes = document(groups)
            let found = ours.violations(inBytes: bytes, name: "list.xml")
            let expected = libxml2s.violations(inBytes: bytes, name: "list.xml")
            #expect(found == expected, "\(groups)")
            let ids = groups.joined().compactMap { $0 }
            #expect(found.count == ids.count - Set(ids).count)
        }
    }

    @Test func theMessageNamesTheElementTheValueAndTheConstraint() throws {
        let bytes = document([["a", "b"], ["a"]])
        let issues = try schema(selector: "t:group/t:item").violations(inBytes: bytes, name: "list.xml")
        #expect(issues == [XMLIssue(line: 7, message: "Element '{urn:test}item': Duplicate key-sequence ['a'] in unique identity-constraint '{urn:test}uniqueId'.")])
    }
}

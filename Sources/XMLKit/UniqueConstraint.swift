internal import CLibXML2

/// An `xs:unique` of a schema that XMLKit checks itself, with sets, instead of libxml2:
/// libxml2 2.9 compares every key with every other, which at 20,000 evidence files costs
/// more than validating the rest of the manifest (0.2 s).
///
/// Only the plain form is taken from the schema: a constraint on the document's root
/// element (a global element declaration that nothing else declares or references), a
/// selector that is a path of child element names (`m:evidence/m:file`), and one field
/// that is an attribute without a namespace (`@id`). Values are compared as strings, as
/// XML Schema compares the values of `xs:string` types. Any other `xs:unique` stays in the
/// schema for libxml2.
struct UniqueConstraint: Sendable {
    /// An element's expanded name.
    struct Name: Hashable, Sendable, CustomStringConvertible {
        let namespace: String?
        let local: String

        /// As libxml2 writes it in messages: `{namespace}local`.
        var description: String { namespace.map { "{\($0)}\(local)" } ?? local }
    }

    /// The constraint's name, qualified by the schema's target namespace.
    let name: Name
    /// The root element the constraint is declared on.
    let owner: Name
    /// The selector's steps, from the owner down to the elements whose keys must differ.
    let selector: [Name]
    /// The attribute that is the key.
    let attribute: String

    /// The message for a duplicate key, worded as libxml2 words it.
    func duplicateMessage(element: Name, value: String) -> String {
        "Element '\(element)': Duplicate key-sequence ['\(value)'] in unique identity-constraint '\(name)'."
    }

    private static let schemaNamespace = "http://www.w3.org/2001/XMLSchema"

    /// Removes from the schema document `doc` every `xs:unique` of the plain form and
    /// returns them.
    static func takePlainConstraints(from doc: xmlDocPtr) -> [UniqueConstraint] {
        guard let schema = xmlDocGetRootElement(doc), isSchemaElement(schema, "schema") else { return [] }
        let targetNamespace = attribute(schema, "targetNamespace")
        let declarations = schemaElements(below: schema)
        var taken: [UniqueConstraint] = []
        for element in children(of: schema) where isSchemaElement(element, "element") {
            guard let ownerName = attribute(element, "name"),
                  declarations.filter({ attribute($0, "name") == ownerName }).count == 1,
                  !declarations.contains(where: { attribute($0, "ref").map(localPart) == ownerName })
            else { continue }
            let owner = Name(namespace: targetNamespace, local: ownerName)
            for unique in children(of: element) where isSchemaElement(unique, "unique") {
                guard let constraint = plainConstraint(unique, owner: owner, targetNamespace: targetNamespace, doc: doc) else { continue }
                taken.append(constraint)
                xmlUnlinkNode(unique)
                xmlFreeNode(unique)
            }
        }
        return taken
    }

    private static func plainConstraint(_ unique: xmlNodePtr, owner: Name, targetNamespace: String?,
                                        doc: xmlDocPtr) -> UniqueConstraint? {
        let parts = children(of: unique).filter { isSchemaElement($0, "selector") || isSchemaElement($0, "field") }
        guard let name = attribute(unique, "name"), parts.count == 2,
              isSchemaElement(parts[0], "selector"), isSchemaElement(parts[1], "field"),
              let selectorPath = attribute(parts[0], "xpath"), let fieldPath = attribute(parts[1], "xpath")
        else { return nil }
        let field = fieldPath.trimmingWhitespace()
        guard field.hasPrefix("@"), isNCName(field.dropFirst()) else { return nil }
        var path = Substring(selectorPath.trimmingWhitespace())
        if path.hasPrefix("./") { path = path.dropFirst(2) }
        var steps: [Name] = []
        for step in path.split(separator: "/", omittingEmptySubsequences: false) {
            let pieces = step.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count <= 2, pieces.allSatisfy(isNCName) else { return nil }
            if pieces.count == 1 {
                steps.append(Name(namespace: nil, local: String(pieces[0])))
            } else {
                guard let namespace = xmlSearchNs(doc, parts[0], String(pieces[0])) else { return nil }
                steps.append(Name(namespace: XMLString.string(namespace.pointee.href), local: String(pieces[1])))
            }
        }
        guard !steps.isEmpty else { return nil }
        return UniqueConstraint(name: Name(namespace: targetNamespace, local: name), owner: owner, selector: steps,
                                attribute: String(field.dropFirst()))
    }

    /// A name without colon of the plain ASCII kind: letters, digits, `_`, `-`, `.`, not
    /// starting with a digit, `-` or `.` (anything else is left to libxml2).
    private static func isNCName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else { return false }
        return text.utf8.allSatisfy { byte in
            let letter = byte | 0x20
            return (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    private static func localPart(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    private static func isSchemaElement(_ node: xmlNodePtr, _ name: String) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE && XMLString.string(node.pointee.name) == name
            && node.pointee.ns.map { XMLString.string($0.pointee.href) } == schemaNamespace
    }

    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
            child = current.pointee.next
        }
        return found
    }

    /// Every `xs:element` in the schema, at any depth.
    private static func schemaElements(below node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var stack = children(of: node)
        while let current = stack.popLast() {
            if isSchemaElement(current, "element") { found.append(current) }
            stack += children(of: current)
        }
        return found
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { cp_xml_free(value) }
        return XMLString.string(value)
    }
}

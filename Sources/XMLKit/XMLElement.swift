internal import CLibXML2

/// A read-only copy of an element of a parsed document: its name, namespace, attributes,
/// text and child elements.
public struct XMLElement: Sendable, Hashable {
    /// The local name.
    public let name: String
    /// The namespace URI, if any.
    public let namespace: String?
    /// Attribute values by local name.
    public let attributes: XMLAttributes
    /// The element's own text (its direct text children, concatenated).
    public let text: String
    public let children: [XMLElement]
    /// The line in the document.
    public let line: Int

    /// The first child element named `name`.
    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every child element named `name`.
    public func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

    init(name: String, namespace: String?, attributes: XMLAttributes, text: String, children: [XMLElement], line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.children = children
        self.line = line
    }

    /// The element with its name, attributes and text, without its children: what is
    /// kept of a large tree once its children have been read.
    public var withoutChildren: XMLElement {
        XMLElement(name: name, namespace: namespace, attributes: attributes, text: text, children: [], line: line)
    }

    init(_ node: xmlNodePtr) {
        name = XMLString.string(node.pointee.name)
        namespace = node.pointee.ns.map { XMLString.string($0.pointee.href) }
        line = Int(xmlGetLineNo(node))
        var attributes = XMLAttributes()
        var attribute = node.pointee.properties
        while let current = attribute {
            let value: String
            if let text = current.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil {
                // The usual attribute: one text node, read in place.
                value = XMLString.string(text.pointee.content)
            } else {
                let joined = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)
                value = XMLString.string(joined)
                if let joined { cp_xml_free(joined) }
            }
            attributes.append(XMLString.string(current.pointee.name), value)
            attribute = current.pointee.next
        }
        self.attributes = attributes
        var text = ""
        var children: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(XMLElement(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += XMLString.string(current.pointee.content)
            default:
                break
            }
            child = current.pointee.next
        }
        self.text = text
        self.children = children
    }
}

extension XMLDocument {
    /// A copy of the root element and everything in it.
    public var root: XMLElement? { xmlDocGetRootElement(pointer).map(XMLElement.init) }
}

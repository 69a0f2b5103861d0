/// An element's attributes by local name, in document order (equal when the same in the
/// same order). Elements have a handful, so they are a short list searched in order:
/// cheaper to make than a dictionary, which matters for manifests of thousands of elements.
public struct XMLAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private struct Attribute: Sendable, Hashable {
        let name: String
        var value: String
    }

    private var attributes: [Attribute] = []

    /// No attributes.
    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    init(capacity: Int) {
        attributes.reserveCapacity(capacity)
    }

    /// Adds an attribute as the parser gives it, without looking for one of the same name
    /// (attributes of different namespaces may share a local name: the last one counts, as
    /// in a dictionary filled in document order). Linear, whatever a hostile element holds.
    mutating func append(_ name: String, _ value: String) {
        attributes.append(Attribute(name: name, value: value))
    }

    /// The value of the attribute `name`; setting one that exists replaces its value.
    public subscript(name: String) -> String? {
        get { attributes.last { $0.name == name }?.value }
        set {
            let index = attributes.lastIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): attributes[index].value = value
            case (let index?, nil): attributes.remove(at: index)
            case (nil, let value?): attributes.append(Attribute(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The same attributes in the same order.
    public static func == (left: XMLAttributes, right: XMLAttributes) -> Bool {
        left.attributes == right.attributes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(attributes)
    }
}

internal import Yams

/// A YAML mapping read as one object of the claim format: it reports keys the format does
/// not know (with "did you mean") and required keys that are missing.
struct YAMLMapping {
    /// The dotted path of the mapping in messages: `claimant`, `timeline[2]`; empty for the root.
    let path: String
    /// Where to report a missing key: the key that introduces the mapping, or the item's dash.
    let ownerMark: TextPosition?
    private let entries: [(key: String, keyNode: Node, value: Node)]
    private let session: DecodingSession

    /// Reads `node` as a mapping; `nil` (reported) when it is something else.
    init?(_ node: Node, path: String, ownerMark: TextPosition?, session: DecodingSession) {
        guard case .mapping(let mapping) = node else {
            session.error(.wrongType, at: node.position ?? ownerMark, "\(path.isEmpty ? "claim.yaml" : path): expected a mapping (key: value pairs), found \(session.describe(node))")
            return nil
        }
        self.path = path
        self.ownerMark = ownerMark
        self.session = session
        self.entries = mapping.map { pair in (pair.key.string ?? "", pair.key, pair.value) }
    }

    /// Unknown keys reported one by one in a mapping; the rest are counted in one more
    /// diagnostic, so that a file of thousands of stray keys is not thousands of lines.
    static let maximumUnknownKeysReported = 100

    /// Reports every key not in `known`, suggesting the closest known key (the first
    /// `maximumUnknownKeysReported` of them, then how many more).
    func rejectUnknownKeys(known: [String]) {
        let unknown = entries.filter { !known.contains($0.key) }
        if unknown.count > YAMLMapping.maximumUnknownKeysReported, let last = unknown.last {
            session.error(.unknownKey, at: last.keyNode.position,
                          "\(path.isEmpty ? "claim.yaml" : path): \(unknown.count - YAMLMapping.maximumUnknownKeysReported) more unknown keys after the \(YAMLMapping.maximumUnknownKeysReported) reported; known keys here: \(known.joined(separator: ", "))")
        }
        for entry in unknown.prefix(YAMLMapping.maximumUnknownKeysReported) {
            var message = "\(qualified(entry.key)): unknown key"
            if let guess = Suggestion.closest(to: entry.key, among: known) {
                message += "; did you mean \"\(guess)\"?"
                if !contains(guess) { session.keysSuggested.insert(qualified(guess)) }
            } else {
                message += "; known keys here: \(known.joined(separator: ", "))"
            }
            session.error(.unknownKey, at: entry.keyNode.position, message)
        }
    }

    /// The value of `key`, or `nil` when the key is absent or its value is null.
    func value(_ key: String) -> Node? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let scalar) = entry.value, scalar.style == .plain, entry.value.tag.rawValue == Tag.Name.null.rawValue {
            return nil
        }
        return entry.value
    }

    /// The value of a key that must be present; reports it missing otherwise.
    func required(_ key: String) -> Node? {
        if let value = value(key) { return value }
        if let entry = entries.first(where: { $0.key == key }) {
            session.error(.missingField, at: entry.value.position ?? entry.keyNode.position, "\(qualified(key)): the value is empty; fill it in")
        } else if !session.keysSuggested.contains(qualified(key)) {
            session.error(.missingField, at: ownerMark, "\(path.isEmpty ? key : path): missing required field \"\(key)\"")
        }
        return nil
    }

    /// Whether the key is written at all (even with an empty value).
    func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The position of a key, for diagnostics about its value as a whole.
    func keyMark(_ key: String) -> TextPosition? { entries.first { $0.key == key }?.keyNode.position }

    /// The entries in document order, for mappings whose keys are data (`account:`).
    var orderedEntries: [(key: String, keyNode: Node, value: Node)] { entries }

    /// `path.key`, or `key` at the root.
    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A required text field.
    func requiredText(_ key: String) -> String? { required(key).flatMap { session.text($0, qualified(key)) } }

    /// An optional text field.
    func optionalText(_ key: String) -> String? { value(key).flatMap { session.text($0, qualified(key)) } }
}

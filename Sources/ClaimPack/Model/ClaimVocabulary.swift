/// A closed set of words a `claim.yaml` field accepts, such as the languages or the
/// evidence kinds. Each conforming enum's raw values are the words users write.
public protocol ClaimVocabulary: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {}

extension ClaimVocabulary {
    /// The accepted words, in declaration order: `ru | uk | en`.
    static var choices: String { allCases.map(\.rawValue).joined(separator: " | ") }
}

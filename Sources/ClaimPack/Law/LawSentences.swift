/// A list of sentences of the law table in several languages.
struct LawSentences: Sendable, Hashable, Decodable {
    let texts: [String: [String]]

    init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: [String]].self)
    }

    func sentences(_ language: Language) -> [String]? { texts[language.rawValue] }
}

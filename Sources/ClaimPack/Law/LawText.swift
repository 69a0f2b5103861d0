/// A text of the law table in several languages, keyed by language code (`ru`, `uk`, `en`).
struct LawText: Sendable, Hashable, Decodable {
    let texts: [String: String]

    init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: String].self)
    }

    /// The text in `language`, else English, else the `native` language's.
    func text(_ language: Language, native: Language) -> (Language, String)? {
        for candidate in [language, .en, native] {
            if let text = texts[candidate.rawValue] { return (candidate, text) }
        }
        return nil
    }
}

/// A list of sentences of the law table in several languages.
struct LawSentences: Sendable, Hashable, Decodable {
    let texts: [String: [String]]

    init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: [String]].self)
    }

    func sentences(_ language: Language) -> [String]? { texts[language.rawValue] }
}

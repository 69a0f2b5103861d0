internal import Foundation

/// Rules for the ids a claim uses: the bundle id, operation ids and evidence ids.
public enum Identifier {
    /// Whether `text` is a valid id: 1 to 64 ASCII letters, digits, `.`, `_` or `-`,
    /// starting with a letter or digit.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, (1...64).contains(text.unicodeScalars.count),
              isAlphanumeric(first)
        else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// A valid id made from any text: Cyrillic transliterated, lower-cased, other characters
    /// turned into single hyphens. `fallback` when nothing usable remains.
    public static func slug(from text: String, fallback: String = "claim") -> String {
        var result = ""
        for character in text.lowercased() {
            let piece: String
            if let latin = transliteration[character] {
                piece = latin
            } else if character.isASCII {
                piece = character.isLetter || character.isNumber ? String(character) : "-"
            } else if let folded = Optional(String(character).folding(options: .diacriticInsensitive, locale: nil)),
                      folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !folded.isEmpty {
                piece = folded
            } else {
                piece = "-"
            }
            for scalar in piece.unicodeScalars where !(scalar == "-" && (result.isEmpty || result.hasSuffix("-"))) {
                result.unicodeScalars.append(scalar)
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        let trimmed = String(result.unicodeScalars.prefix(64))
        let clean = trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : trimmed
        return clean.isEmpty ? fallback : clean
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Russian and Ukrainian letters in a passport-style Latin spelling.
    private static let transliteration: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ie",
        "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia", "'": "", "’": "",
    ]
}

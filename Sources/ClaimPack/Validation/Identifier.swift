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
            // The slug is ASCII and keeps 64 characters; with 66 the first 64 are final
            // (hyphens never repeat, so trimming the end removes one at most).
            if result.utf8.count >= 66 { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        let trimmed = String(result.unicodeScalars.prefix(64))
        let clean = trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : trimmed
        return clean.isEmpty ? fallback : clean
    }

    /// `base` (a valid id), or when it is taken, `base-2`, `base-3`… (the base shortened
    /// so that the id stays within 64 characters), the first not in `used`; the id is
    /// added to `used`. `nextSuffix` remembers, for each base, the suffix to try next, so
    /// that thousands of files whose names give one base cost one look-up each, not a
    /// search from 2 every time.
    public static func unique(_ base: String, among used: inout Set<String>, nextSuffix: inout [String: Int]) -> String {
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var counter = nextSuffix[base] ?? 2
        while true {
            let suffix = "-\(counter)"
            var stem = String(base.unicodeScalars.prefix(64 - suffix.unicodeScalars.count))
            while stem.hasSuffix("-") || stem.hasSuffix(".") || stem.hasSuffix("_") { stem.removeLast() }
            let id = stem + suffix
            counter += 1
            if !used.contains(id) {
                nextSuffix[base] = counter
                used.insert(id)
                return id
            }
        }
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

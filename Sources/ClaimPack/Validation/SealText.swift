/// A seal typed by hand from the paper letter: 64 hexadecimal digits, spaces and case
/// ignored, and the Cyrillic and Greek letters that look like hexadecimal digits (с, е, а,
/// В, о …, as a Russian or Ukrainian keyboard gives them) read as the digits they look like,
/// each one said. Anything else that is not a digit is named with its place, to retype.
public struct SealText: Sendable, Equatable {
    /// One look-alike letter read as a hexadecimal digit.
    public struct Substitution: Sendable, Equatable {
        /// The letter typed, and the digit it was read as.
        public let typed: Character
        public let digit: Character
        /// Its place among the 64 digits, from 1.
        public let position: Int
    }

    /// Why a text is not a seal: what to retype.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public let digest: SHA256Digest
    /// The look-alikes read as digits, in order; empty when the text was plain.
    public let substitutions: [Substitution]

    /// `read Cyrillic с (U+0441) at digit 4 as Latin c, …`: what was read otherwise than
    /// typed; `nil` when nothing was.
    public var note: String? {
        guard !substitutions.isEmpty else { return nil }
        let parts = substitutions.map { "\(SealText.describe($0.typed)) at digit \($0.position) as \($0.digit)" }
        return "read " + parts.joined(separator: ", ") + " (letters that look like hexadecimal digits)"
    }

    /// Reads `text`.
    public static func parse(_ text: String) -> Result<SealText, Problem> {
        var digits = ""
        var substitutions: [Substitution] = []
        var strays: [String] = []
        for character in text where !character.isWhitespace {
            let position = digits.count + 1
            if character.isHexDigit, character.isASCII {
                digits.append(character)
            } else if let digit = lookAlikes[character] {
                substitutions.append(Substitution(typed: character, digit: digit, position: position))
                digits.append(digit)
            } else {
                strays.append("\(describe(character)) at digit \(position)")
                digits.append("?")
            }
        }
        if !strays.isEmpty {
            let list = strays.prefix(8).joined(separator: ", ") + (strays.count > 8 ? " and \(strays.count - 8) more" : "")
            return .failure(Problem(description: "the seal has only the digits 0–9 and the letters a–f: retype \(list)"))
        }
        guard digits.count == 64, let digest = SHA256Digest(hex: digits) else {
            return .failure(Problem(description: "a seal has 64 hexadecimal digits (16 groups of 4), not \(digits.count); compare it group by group with the letter"))
        }
        return .success(SealText(digest: digest, substitutions: substitutions))
    }

    /// Cyrillic and Greek letters that look like a hexadecimal digit.
    private static let lookAlikes: [Character: Character] = [
        // Cyrillic
        "а": "a", "А": "A", "В": "B", "с": "c", "С": "C", "е": "e", "Е": "E", "о": "0", "О": "0", "З": "3", "з": "3", "б": "6",
        // Greek
        "α": "a", "Α": "A", "Β": "B", "ϲ": "c", "Ϲ": "C", "ε": "e", "Ε": "E", "ο": "0", "Ο": "0",
    ]

    /// `Cyrillic с (U+0441)`, `"#" (U+0023)`.
    static func describe(_ character: Character) -> String {
        let scalar = character.unicodeScalars.first!.value
        let script = switch scalar {
        case 0x0400...0x052F: "Cyrillic "
        case 0x0370...0x03FF: "Greek "
        default: ""
        }
        let code = String(scalar, radix: 16, uppercase: true)
        let shown = character.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control && $0.properties.generalCategory != .format }
            ? String(character) : "?"
        return "\(script)\(shown) (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))"
    }
}

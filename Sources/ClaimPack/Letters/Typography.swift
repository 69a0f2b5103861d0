/// Typographic no-break spaces: after «№» and the usual abbreviations (ст., п., г., д., кв.,
/// ул.), between initials and the surname, and before a currency sign — so that none of
/// them is left alone at the end of a line.
enum Typography {
    static func apply(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " ", index > 0, index + 1 < characters.count, binds(characters, before: index) {
                result.append("\u{00A0}")
            } else {
                result.append(character)
            }
            index += 1
        }
        return result
    }

    private static let abbreviations: Set<String> = ["№", "ст.", "п.", "пп.", "ч.", "г.", "д.", "кв.", "ул.", "м.", "буд.", "с.", "т.", "No.", "s.", "reg."]

    /// Whether the space at `index` should not break: the word before it is an
    /// abbreviation or an initial, or the word after it is a currency sign.
    private static func binds(_ characters: [Character], before index: Int) -> Bool {
        var start = index
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n", characters[start - 1] != "\u{00A0}" { start -= 1 }
        let word = String(characters[start..<index])
        if abbreviations.contains(word) { return true }
        // An initial: one capital letter and a full stop.
        if word.count == 2, word.last == ".", word.first?.isUppercase == true { return true }
        // A digit before a currency sign or a unit.
        let next = characters[index + 1]
        if word.last?.isNumber == true, "₽₴$€£".contains(next) { return true }
        return false
    }
}

/// Typographic no-break spaces, applied to every block of a letter (template words and user
/// text alike), so that nothing that belongs together is split at the end of a line: after
/// «№» and the usual abbreviations (ст., д., стр., корп., вул., буд. …), between initials and
/// the surname, after one-letter prepositions and conjunctions, between a legal form and
/// the name («ПАО «МТС»»), between a number and its unit or currency («1 л.», «1 500 ₽»),
/// inside digit groups, phone numbers and ids («+7 916 000-00-00»), in a UK postcode, and
/// before a dash. A file name (`c-ru.zip`, `evidence/call-notes.md`) never breaks at a
/// hyphen or slash: a word joiner (U+2060, invisible, not copied as text from the PDF)
/// follows each, so a name to be typed stays on one line.
enum Typography {
    /// - Parameter keepNamesWhole: whether file names get word joiners; the plain-text
    ///   letter, which breaks lines only at spaces, leaves them out so its names copy cleanly.
    static func apply(_ text: String, keepNamesWhole: Bool = true) -> String {
        let spaced = noBreakSpaces(text)
        return keepNamesWhole ? joiningFileNames(spaced) : spaced
    }

    private static func noBreakSpaces(_ text: String) -> String {
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

    /// Each word that is a file name, with a word joiner after its hyphens and slashes.
    private static func joiningFileNames(_ text: String) -> String {
        guard text.contains("-") || text.contains("/") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var word = ""
        func flush() {
            if isFileName(word) {
                for character in word {
                    result.append(character)
                    if character == "-" || character == "/" { result.append("\u{2060}") }
                }
            } else {
                result += word
            }
            word = ""
        }
        for character in text {
            if character == " " || character == "\n" || character == "\u{00A0}" {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// A name with an extension («c-ru.zip», «evidence/call-notes.md»), without the
    /// brackets, quotes and punctuation around it, and with a hyphen or slash to keep.
    private static func isFileName(_ word: String) -> Bool {
        let bare = word.drop { "«„\"'(".contains($0) }.reversed().drop { "»\"')),.;:".contains($0) }.reversed()
        let name = String(bare)
        guard name.contains("-") || name.contains("/"), let dot = name.lastIndex(of: "."), dot > name.startIndex else { return false }
        let stem = name[..<dot], ext = name[name.index(after: dot)...]
        return !stem.hasSuffix("/") && (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            && ext.contains(where: \.isLetter)
    }

    private static let abbreviations: Set<String> = [
        "№", "ст.", "п.", "пп.", "ч.", "г.", "д.", "кв.", "ул.", "м.", "с.", "т.", "стр.", "корп.", "пр.", "просп.", "пер.", "пл.",
        "ш.", "оф.", "пом.", "мкр.", "обл.", "р-н", "тел.", "вул.", "буд.", "пров.", "пр-т", "бул.", "тер.",
        "ИНН", "ОГРН", "ОГРНИП", "КПП", "БИК", "СНИЛС", "ЄДРПОУ", "РНОКПП", "IBAN",
        "Ф.", "ф.", "форма", "Форма", "форми", "PS", "Form", "form",
        "No.", "no.", "s.", "reg.", "para.", "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.",
    ]

    /// Legal forms written before a company's name.
    private static let legalForms: Set<String> = [
        "ПАО", "ООО", "АО", "ЗАО", "ОАО", "НАО", "ИП", "ГУП", "МУП", "ФГУП", "ГБУ", "ГКУ", "МБУ", "АНО", "НКО",
        "ПрАТ", "ПАТ", "АТ", "ТОВ", "ФОП", "ДП", "КП", "ПП",
    ]

    /// One-letter prepositions and conjunctions (Russian and Ukrainian).
    private static let shortWords: Set<String> = ["в", "к", "с", "у", "о", "и", "а", "я", "і", "й", "з", "В", "К", "С", "У", "О", "И", "А", "Я", "І", "З"]

    /// Units and currencies written after a number.
    private static let units: Set<String> = [
        "л.", "л", "экз.", "арк.", "прим.", "шт.", "г.", "р.", "руб.", "коп.", "грн", "грн.", "дн.", "%", "₽", "₴", "$", "€", "£",
        "RUB", "UAH", "USD", "EUR", "GBP", "мм", "см", "км", "кг", "ГБ", "МБ", "мин.", "ч", "сек.",
        "день", "дня", "дней", "дні", "днів", "day", "days",
    ]

    /// Whether the space at `index` should not break.
    private static func binds(_ characters: [Character], before index: Int) -> Bool {
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\n" || character == "\u{00A0}" }
        var start = index
        while start > 0, !isSpace(characters[start - 1]) { start -= 1 }
        var end = index + 1
        while end < characters.count, !isSpace(characters[end]) { end += 1 }
        let word = String(characters[start..<index])
        let next = String(characters[(index + 1)..<end])
        guard !word.isEmpty, !next.isEmpty else { return false }
        let unquoted = String(word.drop { "«„\"(".contains($0) })
        if abbreviations.contains(word) || legalForms.contains(unquoted) || shortWords.contains(unquoted) { return true }
        // An initial: one capital letter and a full stop.
        if word.count == 2, word.last == ".", word.first?.isUppercase == true { return true }
        // A dash stays with the word before it.
        if next.first == "—" || next.first == "–" { return true }
        let bare = next.trimmingSuffix { ",.;:)»".contains($0) }
        // A number and its unit or currency.
        if word.last?.isNumber == true, units.contains(next) || units.contains(bare) || "₽₴$€£".contains(next.first!) { return true }
        // Digit groups, phone numbers, ids with a number after them: «1 500», «+7 916 000-00-00».
        if isIdentifier(word), isNumeric(bare) { return true }
        // A UK postcode: «LS6 2AB».
        if word.wholeMatch(of: /[A-Z]{1,2}[0-9][A-Z0-9]?/) != nil, bare.wholeMatch(of: /[0-9][A-Z]{2}/) != nil { return true }
        return false
    }

    /// Digits with `+`, `-` and brackets: «+7», «000-00-00», «(495)».
    private static func isNumeric(_ word: String) -> Bool {
        word.contains(where: \.isNumber) && word.allSatisfy { $0.isNumber || "+-()".contains($0) }
    }

    /// A number or an id: letters, digits and hyphens with at least one digit («EA-2026-44881»).
    private static func isIdentifier(_ word: String) -> Bool {
        word.contains(where: \.isNumber) && word.allSatisfy { $0.isNumber || $0.isLetter || "+-()/".contains($0) }
    }
}

extension String {
    /// Without the trailing characters that match `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}

/// The one rule for plural forms, in every language claimpack writes: English has one and
/// other (1 error, 2 errors, 0 errors); Russian and Ukrainian one, few and many (1 день,
/// 21 день; 2 дня, 24 дня; 5 дней, 11 дней, 12 дней, 0 дней).
public enum Plural {
    /// The plural category of a count.
    public enum Category: Sendable {
        case one, few, many
    }

    /// The category `count` takes in `language`; English has no `few`.
    public static func category(of count: Int, in language: Language) -> Category {
        let count = abs(count)
        switch language {
        case .ru, .uk:
            let (lastDigit, lastTwo) = (count % 10, count % 100)
            if lastDigit == 1, lastTwo != 11 { return .one }
            if (2...4).contains(lastDigit), !(12...14).contains(lastTwo) { return .few }
            return .many
        case .en:
            return count == 1 ? .one : .many
        }
    }

    /// The form of `forms` (`[one, few, many]`; English `[one, other]`) for `count`; when
    /// fewer forms are given, the last one stands for the rest.
    public static func form(_ forms: [String], count: Int, language: Language) -> String {
        guard let last = forms.last else { return "" }
        let index = switch category(of: count, in: language) {
        case .one: 0
        case .few: 1
        case .many: language == .en ? 1 : 2
        }
        return index < forms.count ? forms[index] : last
    }

    /// `1 error`, `2 errors`, `1 entry`, `3 entries`: a count and its English noun, for
    /// messages (which are in English).
    public static func english(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + form([singular, plural ?? singular + "s"], count: count, language: .en)
    }
}

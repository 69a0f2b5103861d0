public import Foundation
internal import Yams

/// How a language writes dates, numbers, money and plurals, read from
/// `Templates/<language>/locale.yaml` so that no word of any language lives in code.
public struct LocaleWording: Sendable {
    public let language: Language
    /// The templates folder the wording was read from (its `law/` table, when there is one,
    /// gives the letter its answer period, citation and consequences).
    public let templates: URL
    let months: [String]
    let datePattern: String
    let decimal: String
    let group: String
    let moneyPattern: String
    let currencies: [String: String]
    let plurals: [String: [String]]
    /// The company's role by sector («Оператор связи», "the Bank"); `none` without a sector.
    let roles: [String: String]
    /// Words a subject may start with that the title already says («Претензия»).
    let subjectPrefixes: [String]
    /// Date patterns of a jurisdiction that writes dates its own way (`us`: `date`, `short`).
    let jurisdictionDates: [String: [String: String]]
    /// The words of the printed copies of the evidence (`copies:`): their header and footer,
    /// the sheet of a file that cannot be printed.
    let copies: [String: String]

    /// Reads `templates/<language>/locale.yaml`.
    public init(templates: URL, language: Language) throws(ResourceError) {
        try self.init(folder: TemplateFolder(user: nil, builtIn: templates), language: language)
    }

    /// Reads `<language>/locale.yaml` from the user's folder, else from the built-in one;
    /// the law table is the user's `law/` when there is one, else the built-in.
    public init(folder: TemplateFolder, language: Language) throws(ResourceError) {
        let file = folder.file("\(language.rawValue)/locale.yaml")
        let templates = folder.lawRoot
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let document = try? Yams.load(yaml: text) as? [String: Any],
              let months = document["months"] as? [String], months.count == 12,
              let datePattern = document["date"] as? String,
              let decimal = document["decimal"] as? String, let group = document["group"] as? String,
              let money = document["money"] as? String
        else { throw .badTemplate(path: file.path, reason: "needs months: (12 names), date:, decimal:, group: and money:") }
        self.language = language
        self.templates = templates
        self.months = months
        self.datePattern = datePattern
        self.decimal = decimal
        self.group = group
        moneyPattern = money
        currencies = document["currencies"] as? [String: String] ?? [:]
        plurals = document["plurals"] as? [String: [String]] ?? [:]
        roles = document["roles"] as? [String: String] ?? [:]
        subjectPrefixes = document["subject_prefixes"] as? [String] ?? []
        jurisdictionDates = document["jurisdiction_dates"] as? [String: [String: String]] ?? [:]
        copies = document["copies"] as? [String: String] ?? [:]
    }

    /// The company's role in a claim against it, by its sector.
    public func role(of sector: Sector?) -> String {
        roles[sector?.rawValue ?? "none"] ?? roles["none"] ?? ""
    }

    /// A date in words as `jurisdiction` writes it: «21 ноября 2026 г.», "November 21, 2026" (us).
    public func format(_ date: CalendarDate, in jurisdiction: Jurisdiction) -> String {
        guard let pattern = jurisdictionDates[jurisdiction.rawValue]?["date"] else { return format(date) }
        return fill(pattern, date)
    }

    /// A date in digits as `jurisdiction` writes it: 01.10.2026, 01/10/2026, 10/01/2026 (us).
    public func formatShort(_ date: CalendarDate, in jurisdiction: Jurisdiction) -> String {
        guard let pattern = jurisdictionDates[jurisdiction.rawValue]?["short"] else { return formatShort(date) }
        return fill(pattern, date)
    }

    private func fill(_ pattern: String, _ date: CalendarDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return pattern.replacingOccurrences(of: "{day}", with: String(date.day))
            .replacingOccurrences(of: "{dd}", with: two(date.day))
            .replacingOccurrences(of: "{mm}", with: two(date.month))
            .replacingOccurrences(of: "{month}", with: months[date.month - 1])
            .replacingOccurrences(of: "{year}", with: String(date.year))
    }

    /// A date in words: «21 ноября 2026 г.».
    public func format(_ date: CalendarDate) -> String {
        datePattern.replacingOccurrences(of: "{day}", with: String(date.day))
            .replacingOccurrences(of: "{month}", with: months[date.month - 1])
            .replacingOccurrences(of: "{year}", with: String(date.year))
    }

    /// A date in digits: 01.10.2026 (ru, uk) or 01/10/2026 (en).
    public func formatShort(_ date: CalendarDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let separator = language == .en ? "/" : "."
        return [two(date.day), two(date.month), String(date.year)].joined(separator: separator)
    }

    /// An amount with digit groups and the language's decimal mark: «1 500,00» (the group
    /// separator a no-break space, so that the number never breaks).
    public func formatNumber(_ amount: DecimalAmount) -> String {
        let parts = amount.text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        let separator = group == " " ? "\u{00A0}" : group
        var grouped = ""
        while integer.count > 3 {
            grouped = separator + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        return parts.count == 2 ? grouped + decimal + parts[1] : grouped
    }

    /// The currency's sign as the language writes it («₽», «£»), else its code.
    public func currencySymbol(_ currency: CurrencyCode) -> String {
        currencies[currency.code] ?? currency.code
    }

    /// An amount with its currency: «1 500,00 ₽», «£649.00», «12,00 EUR» for an unknown one.
    public func formatMoney(_ amount: DecimalAmount, currency: CurrencyCode) -> String {
        let symbol = currencies[currency.code] ?? currency.code
        return moneyPattern.replacingOccurrences(of: "{amount}", with: formatNumber(amount))
            .replacingOccurrences(of: "{symbol}", with: symbol)
            .replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// The copies' phrase `key` with each `{name}` replaced by its value; the key itself
    /// when `locale.yaml` has no such phrase.
    func copyPhrase(_ key: String, _ values: [String: String] = [:]) -> String {
        values.reduce(copies[key] ?? key) { text, pair in text.replacingOccurrences(of: "{\(pair.key)}", with: pair.value) }
    }

    /// The word for `count` of `noun` (`day`, `sheet`) in the right plural form.
    public func plural(_ noun: String, _ count: Int) -> String {
        guard let forms = plurals[noun], !forms.isEmpty else { return noun }
        return Plural.form(forms, count: count, language: language)
    }
}

public import Foundation
internal import Yams

/// How a language writes dates («21 ноября 2026 г.», «21 November 2026»), read from
/// `Templates/<language>/dates.yaml` so that no word of any language lives in code.
public struct DateWording: Sendable {
    let months: [String]
    let pattern: String

    /// Reads `templates/<language>/dates.yaml`.
    public init(templates: URL, language: Language) throws(ResourceError) {
        let file = templates.appendingPathComponent("\(language.rawValue)/dates.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let document = try? Yams.load(yaml: text) as? [String: Any],
              let months = document["months"] as? [String], months.count == 12,
              let pattern = document["pattern"] as? String
        else { throw .badTemplate(path: file.path, reason: "needs months: (12 names) and pattern:") }
        self.months = months
        self.pattern = pattern
    }

    /// The date in words.
    public func format(_ date: CalendarDate) -> String {
        pattern.replacingOccurrences(of: "{day}", with: String(date.day))
            .replacingOccurrences(of: "{month}", with: months[date.month - 1])
            .replacingOccurrences(of: "{year}", with: String(date.year))
    }
}

internal import Foundation
internal import Yams

/// A starting point for `claimpack init --from NAME`: the kind, sector, subject and demands
/// (with their bases) of a common case, in one language, read from
/// `Templates/<language>/starts/<name>.yaml`. Every text the person must complete is a
/// `<…>` placeholder, which `check` reports until it is filled in.
public struct StartingPoint: Sendable, Hashable {
    /// The starting points claimpack ships, in every language.
    public enum Name: String, Sendable, CaseIterable {
        case telecom, bank, shop
        case cityService = "city-service"
    }

    /// One demand and, when the case has one, the law it rests on.
    public struct Demand: Sendable, Hashable {
        public let text: String
        public let basis: String?
    }

    public let kind: ClaimKind
    public let sector: Sector
    public let subject: String
    public let respondent: String
    /// The label of the first `account:` line (`Лицевой счёт`, `Order number`).
    public let account: String
    /// The first fact of the timeline, as a placeholder.
    public let event: String
    public let demands: [Demand]

    /// Reads `<language>/starts/<name>.yaml` from `templates`.
    ///
    /// - Throws: `ResourceError.badTemplate` naming the file when it is missing or lacks a field.
    public init(_ name: Name, language: Language, templates: TemplateFolder) throws(ResourceError) {
        let file = templates.file("\(language.rawValue)/starts/\(name.rawValue).yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let document = (try? Yams.load(yaml: text)) as? [String: Any] else {
            throw .badTemplate(path: file.path, reason: "missing or not a YAML mapping")
        }
        func field(_ key: String) throws(ResourceError) -> String {
            guard let value = document[key] as? String, !value.isEmpty else {
                throw .badTemplate(path: file.path, reason: "needs \(key): (docs/profile.md describes a starting point)")
            }
            return value
        }
        guard let kind = ClaimKind(rawValue: try field("kind")), let sector = Sector(rawValue: try field("sector")) else {
            throw .badTemplate(path: file.path, reason: "kind: or sector: is not one of claimpack's values")
        }
        let demands = (document["demands"] as? [[String: Any]] ?? []).compactMap { entry -> Demand? in
            guard let text = entry["text"] as? String else { return nil }
            return Demand(text: text, basis: entry["basis"] as? String)
        }
        guard !demands.isEmpty else { throw .badTemplate(path: file.path, reason: "needs demands: with a text: each") }
        self.kind = kind
        self.sector = sector
        subject = try field("subject")
        respondent = try field("respondent")
        account = try field("account")
        event = try field("event")
        self.demands = demands
    }
}

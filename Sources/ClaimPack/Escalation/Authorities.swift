public import Foundation
internal import Yams

/// The authorities of one language's `authorities.yaml`: lookup by key, and the default
/// authority for a (jurisdiction, sector).
public struct Authorities: Sendable, Hashable {
    /// Every row, in the file's order.
    public let all: [Authority]

    /// The file's name inside `Templates/<language>/`.
    public static let fileName = "authorities.yaml"

    /// The file's path under a templates folder: `<language>/authorities.yaml`.
    public static func path(_ language: Language) -> String { "\(language.rawValue)/\(fileName)" }

    /// Reads `templates/<language>/authorities.yaml`.
    ///
    /// - Throws: `EscalationError.badAuthorities` naming the row and the field that is
    ///   missing or wrong, a key used twice, or two defaults for one jurisdiction and sector.
    public init(templates: URL, language: Language) throws(EscalationError) {
        let file = templates.appendingPathComponent("\(language.rawValue)/\(Authorities.fileName)")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw .badAuthorities(path: file.path, reason: "cannot be read")
        }
        try self.init(yaml: text, path: file.path)
    }

    /// Parses the text of an `authorities.yaml`; `path` names it in errors.
    public init(yaml text: String, path: String) throws(EscalationError) {
        guard let document = try? Yams.load(yaml: text) as? [String: Any],
              document["format"] as? Int == 1,
              let rows = document["authorities"] as? [[String: Any]]
        else { throw .badAuthorities(path: path, reason: "needs format: 1 and a list authorities:") }
        var all: [Authority] = []
        var defaults: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            let authority = try Authorities.authority(row, at: "authorities[\(index + 1)]", path: path)
            guard !all.contains(where: { $0.key == authority.key }) else {
                throw .badAuthorities(path: path, reason: "authorities[\(index + 1)]: the key \(authority.key) is used twice")
            }
            for sector in authority.sectors {
                let pair = "\(authority.jurisdiction.rawValue)/\(sector.rawValue)"
                if let other = defaults[pair] {
                    throw .badAuthorities(path: path, reason: "\(authority.key) and \(other) are both the default for \(pair)")
                }
                defaults[pair] = authority.key
            }
            all.append(authority)
        }
        self.all = all
    }

    /// The authority with `key`, or `nil`.
    public func authority(key: String) -> Authority? { all.first { $0.key == key } }

    /// The authority complaints of `sector` under the law of `jurisdiction` go to when
    /// `--authority` is not given, or `nil` when the file names none.
    public func defaultAuthority(jurisdiction: Jurisdiction, sector: Sector) -> Authority? {
        all.first { $0.jurisdiction == jurisdiction && $0.sectors.contains(sector) }
    }

    private static func authority(_ row: [String: Any], at place: String, path: String) throws(EscalationError) -> Authority {
        func fail(_ reason: String) -> EscalationError { .badAuthorities(path: path, reason: "\(place): \(reason)") }
        func text(_ key: String) throws(EscalationError) -> String {
            guard let value = row[key] as? String, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("\(key) is missing or empty")
            }
            return value
        }
        let known: Set<String> = ["key", "name", "address", "web", "jurisdiction", "sectors", "law", "answer", "sources", "confirmed", "notes"]
        if let unknown = row.keys.first(where: { !known.contains($0) }) { throw fail("unknown field \(unknown)") }
        let key = try text("key")
        guard let jurisdiction = Jurisdiction(rawValue: try text("jurisdiction")) else { throw fail("jurisdiction is not one of \(Jurisdiction.choices)") }
        guard let sectorWords = row["sectors"] as? [String] else { throw fail("sectors must be a list (it may be empty)") }
        let sectors = try sectorWords.map { word throws(EscalationError) -> Sector in
            guard let sector = Sector(rawValue: word) else { throw fail("\(word) is not a sector (\(Sector.choices))") }
            return sector
        }
        var answer: Authority.AnswerPeriod?
        switch row["answer"] {
        case nil, is NSNull:
            answer = nil
        case let mapping as [String: Any]:
            answer = try period(mapping, fail: fail)
        default:
            throw fail("answer needs {days: N, count: calendar|working}, {months: N}, or null")
        }
        guard let sources = row["sources"] as? [String], !sources.isEmpty, sources.allSatisfy({ !$0.isEmpty }) else {
            throw fail("sources must list where each fact was checked")
        }
        guard let confirmed = row["confirmed"] as? Bool else { throw fail("confirmed must be true or false") }
        let notes = row["notes"] as? String
        if !confirmed && (notes ?? "").isEmpty { throw fail("a row that is not confirmed needs notes saying what is missing") }
        return Authority(key: key, name: try text("name"), address: try text("address"), web: row["web"] as? String,
                         jurisdiction: jurisdiction, sectors: sectors, law: try text("law"), answer: answer,
                         sources: sources, confirmed: confirmed, notes: notes)
    }

    /// `{days: N, count: calendar|working}` or `{months: N}`.
    private static func period(_ mapping: [String: Any], fail: (String) -> EscalationError) throws(EscalationError) -> Authority.AnswerPeriod {
        if mapping.count == 1, let months = mapping["months"] as? Int, months > 0 { return .months(months) }
        guard mapping.count == 2, let days = mapping["days"] as? Int, days > 0 else {
            throw fail("answer needs {days: N, count: calendar|working}, {months: N}, or null")
        }
        switch mapping["count"] as? String {
        case "calendar": return .calendarDays(days)
        case "working": return .workingDays(days)
        default: throw fail("answer.count must be calendar or working")
        }
    }
}

public import Foundation
internal import Yams

/// The export targets and how files are named, read from `Templates/export/targets.yaml`
/// (or a user's copy under `--templates`): the one owner of the portals' limits.
public struct ExportRules: Sendable {
    /// The targets by key (`court-ru`, `court-ua`, `email`).
    public var targets: [String: ExportTarget]
    /// The longest file name written, in UTF-16 units.
    public var nameLimit: Int
    var languages: [Language: ExportNaming]

    /// The data file under a templates folder.
    public static func file(in templates: URL) -> URL {
        templates.appendingPathComponent("export/targets.yaml")
    }

    /// Reads `export/targets.yaml` under `templates`.
    /// - Throws: `ExportError.rules` naming the file and what it lacks.
    public static func load(templates: URL) throws(ExportError) -> ExportRules {
        let file = file(in: templates)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw .rules("\(file.path): missing or not UTF-8; copy it from claimpack's Templates/export/")
        }
        let document: [String: Any]
        do {
            guard let loaded = try Yams.load(yaml: text) as? [String: Any] else { throw ExportError.rules("not a mapping") }
            document = loaded
        } catch {
            throw .rules("\(file.path): does not parse as YAML (\(error)); compare it with claimpack's Templates/export/targets.yaml")
        }
        func bad(_ what: String) -> ExportError { .rules("\(file.path): \(what); compare it with claimpack's Templates/export/targets.yaml") }
        guard let targetEntries = document["targets"] as? [String: Any], !targetEntries.isEmpty else { throw bad("needs targets:") }
        var targets: [String: ExportTarget] = [:]
        for (key, value) in targetEntries {
            guard let entry = value as? [String: Any], let name = entry["name"] as? String,
                  let fileLimit = entry["file_limit"] as? Int, fileLimit > 0,
                  let source = entry["source"] as? String, let confirmed = entry["confirmed"] as? Bool
            else { throw bad("target \(key) needs name:, file_limit: (bytes, above 0), source: and confirmed: (true or false)") }
            let messageLimit = entry["message_limit"] as? Int
            if let messageLimit, messageLimit < fileLimit { throw bad("target \(key) has message_limit: below its file_limit:") }
            targets[key] = ExportTarget(key: key, name: name, fileLimit: fileLimit, messageLimit: messageLimit,
                                        source: source, urls: entry["urls"] as? [String] ?? [], confirmed: confirmed)
        }
        guard let nameLimit = document["name_limit"] as? Int, nameLimit >= 40, nameLimit <= PortableName.maximumComponentLength else {
            throw bad("needs name_limit: (40 to \(PortableName.maximumComponentLength) characters)")
        }
        guard let languageEntries = document["languages"] as? [String: Any] else { throw bad("needs languages:") }
        var languages: [Language: ExportNaming] = [:]
        for (code, value) in languageEntries {
            guard let language = Language(rawValue: code) else { throw bad("languages: has \(code), which is no language of claimpack") }
            guard let entry = value as? [String: Any],
                  let list = entry["list"] as? String, PortableName.problems(ofComponent: list).isEmpty, !list.contains("/"),
                  let sheets = entry["sheets"] as? String, let part = entry["part"] as? String,
                  let documents = entry["documents"] as? [String: String],
                  let title = entry["title"] as? String, let seal = entry["seal"] as? String,
                  let limit = entry["limit"] as? String, let columns = entry["columns"] as? [String], columns.count == 4,
                  let overLimit = entry["over_limit"] as? String, let messages = entry["messages"] as? String
            else {
                throw bad("languages: \(code) needs list: (a file name Windows can hold), sheets:, part:, documents:, title:, seal:, limit:, columns: (four), over_limit: and messages:")
            }
            languages[language] = ExportNaming(listName: list, sheets: sheets, sheetsOne: entry["sheets_one"] as? String, part: part,
                                               documents: documents, title: title, seal: seal, limit: limit, columns: columns,
                                               overLimit: overLimit, messages: messages)
        }
        return ExportRules(targets: targets, nameLimit: nameLimit, languages: languages)
    }

    /// The target `key`.
    /// - Throws: `ExportError.unknownTarget` with the keys there are.
    public func target(_ key: String) throws(ExportError) -> ExportTarget {
        guard let target = targets[key] else { throw .unknownTarget(key, known: targets.keys.sorted()) }
        return target
    }
}

internal import Foundation

/// How an export names its files and writes its list in one language, as the `languages:`
/// of `Templates/export/targets.yaml` give it: no word of any language lives in code.
struct ExportNaming: Sendable, Hashable {
    /// The list file's name (`Опись.txt`).
    var listName: String
    /// The sheet count in a file's name (`{count} л.`), and for one where the language
    /// says it differently (`1 page`).
    var sheets: String
    var sheetsOne: String?
    /// A part of a split copy (`часть {part} из {parts}`).
    var part: String
    /// The letter's name by the claim's kind (`claim`, `complaint`, `court`).
    var documents: [String: String]
    /// The list's lines: its title, the bundle's seal, the limit, the columns, the note on
    /// a file over the limit, the note on files too many for one message.
    var title: String
    var seal: String
    var limit: String
    var columns: [String]
    var overLimit: String
    var messages: String

    /// `template` with each `{key}` replaced.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { text, pair in text.replacingOccurrences(of: "{\(pair.key)}", with: pair.value) }
    }

    /// The sheet count as a file's name gives it.
    func sheetCount(_ count: Int) -> String {
        if count == 1, let sheetsOne { return sheetsOne }
        return ExportNaming.fill(sheets, ["count": String(count)])
    }
}

extension ExportNaming {
    /// `NN Title[, part k of n] (N л.).pdf`, safe on Windows (`PortableName`) and at most
    /// `limit` UTF-16 units long: the title is shortened, never the number or the count.
    func fileName(number: Int, title: String, part: (part: Int, parts: Int)? = nil, sheets: Int, limit: Int) -> String {
        let prefix = (number < 10 ? "0" : "") + String(number) + " "
        var suffix = ""
        if let part {
            suffix += ", " + ExportNaming.fill(self.part, ["part": String(part.part), "parts": String(part.parts)])
        }
        suffix += " (" + sheetCount(sheets) + ").pdf"
        return ExportNaming.name(prefix: prefix, title: title, suffix: suffix, limit: limit)
    }

    /// `prefix + title + suffix` with the title made safe on Windows (`PortableName`) and
    /// cut, at a whole character, to fit `limit`.
    static func name(prefix: String, title: String, suffix: String, limit: Int) -> String {
        let flat = title.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\n", with: " ")
        let room = max(1, limit - prefix.utf16.count - suffix.utf16.count)
        var kept = ""
        var used = 0
        for character in PortableName.portable(component: flat) {
            if used + character.utf16.count > room { break }
            kept.append(character)
            used += character.utf16.count
        }
        while kept.hasSuffix(" ") { kept.removeLast() }
        return PortableName.portable(component: prefix + kept + suffix)
    }
}

internal import Foundation
internal import ClaimPack

/// JSON on standard output: pretty-printed, keys sorted, slashes unescaped.
enum JSONOutput {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Encoded JSON with every character `String.terminalEscaped` would escape, other than
    /// the encoder's own line breaks and indentation, written as a `\uXXXX` escape (a pair
    /// of them beyond U+FFFF). Outside strings JSON has only ASCII punctuation and white
    /// space, and inside them the encoder has escaped C0 controls already, so every such
    /// character is inside a string, where the escape means the same character.
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && String.needsTerminalEscape($0) }) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            guard scalar != "\n", String.needsTerminalEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result
    }
}

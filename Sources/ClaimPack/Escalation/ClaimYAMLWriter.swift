/// Writes the `claim.yaml` of an escalated claim line by line, quoting every text value so
/// that `check` reads back exactly what was written (a colon, a `#`, a leading `*`, `<` or
/// a quote in a company's name breaks a plain YAML scalar).
struct ClaimYAMLWriter {
    private(set) var text = ""

    /// A text value, double-quoted with YAML escapes (control characters, C1 included, as
    /// `\uXXXX`): every `claim.yaml` claimpack writes (escalate, init) quotes through this.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `# text` lines at `indent`, one per line of `text`.
    mutating func comment(_ comment: String, indent: Int = 0) {
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
            text += String(repeating: " ", count: indent) + "# " + line + "\n"
        }
    }

    /// `key: value` with the value written as it is (a word, a date, a number).
    mutating func plain(_ key: String, _ value: String, indent: Int = 0, dash: Bool = false) {
        text += prefix(indent, dash) + key + ": " + value + "\n"
    }

    /// `key: "value"`, skipped when `value` is nil.
    mutating func quoted(_ key: String, _ value: String?, indent: Int = 0, dash: Bool = false, note: String? = nil) {
        guard let value else { return }
        text += prefix(indent, dash) + key + ": " + ClaimYAMLWriter.quoted(value) + (note.map { "   # " + $0 } ?? "") + "\n"
    }

    /// `key:` opening a mapping or a list.
    mutating func open(_ key: String, indent: Int = 0, dash: Bool = false) {
        text += prefix(indent, dash) + key + ":\n"
    }

    /// `key: [a, b]` of identifiers (letters, digits, `.`, `_`, `-`: never quoted).
    mutating func list(_ key: String, _ values: [String], indent: Int) {
        guard !values.isEmpty else { return }
        text += String(repeating: " ", count: indent) + key + ": [" + values.joined(separator: ", ") + "]\n"
    }

    mutating func blank() { text += "\n" }

    private func prefix(_ indent: Int, _ dash: Bool) -> String {
        dash ? String(repeating: " ", count: max(0, indent - 2)) + "- " : String(repeating: " ", count: indent)
    }
}

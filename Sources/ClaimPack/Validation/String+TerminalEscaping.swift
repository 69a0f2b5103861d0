extension String {
    /// The text made safe to print on a terminal: every character that a terminal would
    /// act on, or that would hide or reorder what is shown, becomes a visible escape.
    ///
    /// Escaped: C0 controls (`\n`, `\r`, `\t`, and `\x1b` style for the others), DEL
    /// (`\x7f`), C1 controls (`\u{9b}`), the bidirectional embeddings, overrides, isolates
    /// and marks (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), line and paragraph
    /// separators, and every other invisible format character (Unicode category Cf, such
    /// as U+200B or U+FEFF) except the zero-width joiner and non-joiner, which emoji and
    /// some scripts need. Everything else, Cyrillic included, is kept as it is.
    ///
    /// This is the one rule for everything claimpack prints that came from its input
    /// (entry and file names, YAML values, notes): the CLI applies it to every line.
    public var terminalEscaped: String {
        guard unicodeScalars.contains(where: Self.needsTerminalEscape) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            guard Self.needsTerminalEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                result += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return result
    }

    /// Whether a scalar is escaped by `terminalEscaped`.
    public static func needsTerminalEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        // Below U+0600 (Latin, Greek, Cyrillic…) the only format character is the soft
        // hyphen: no table look-up for the letters most output is made of.
        if value < 0x600 { return value == 0xAD }
        if value == 0x200C || value == 0x200D { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control: return true
        default: return false
        }
    }
}

internal import Foundation

/// The rules an entry name must follow to be extracted safely anywhere.
enum EntryNameRules {
    /// The findings about one raw name, and the name as text when it is UTF-8.
    static func check(_ raw: [UInt8]) -> (name: String?, findings: [Finding]) {
        isPlainASCII(raw) ? (String(decoding: raw, as: UTF8.self), []) : checkText(raw)
    }

    /// `check` without the ASCII fast path: every rule, on the name as Unicode text.
    static func checkText(_ raw: [UInt8]) -> (name: String?, findings: [Finding]) {
        guard let name = String(validating: raw, as: UTF8.self) else {
            let shown = String(decoding: raw, as: UTF8.self)
            return (nil, [Finding(.invalidNameEncoding, entry: shown, "the name is not valid UTF-8; an extractor could write it anywhere")])
        }
        var findings: [Finding] = []
        if name.unicodeScalars.contains(where: isControl) {
            findings.append(Finding(.controlCharacter, entry: printable(name), "the name has control characters"))
        }
        if name.hasPrefix("/") {
            findings.append(Finding(.absolutePath, entry: printable(name), "an absolute name; extracting it would write outside the target folder"))
        }
        if name.utf8.contains(UInt8(ascii: "\\")) {
            findings.append(Finding(.backslash, entry: printable(name), "the name has a backslash, a path separator on Windows"))
        }
        var scalars = name.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == ":", first.properties.isAlphabetic {
            findings.append(Finding(.driveLetter, entry: printable(name), "the name starts with a drive letter"))
        }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        let inner = name.hasSuffix("/") ? segments.dropLast() : segments[...]
        if inner.contains(where: { $0 == ".." || $0 == "." || ($0.isEmpty && !name.hasPrefix("/")) })
            || inner.dropFirst().contains(where: \.isEmpty) {
            findings.append(Finding(.dotSegment, entry: printable(name), "the name has a \"..\", \".\" or empty segment; extracting it could leave the target folder"))
        }
        return (name, findings)
    }

    /// Whether `raw` is a name that passes every rule, checked on its bytes: printable
    /// ASCII, no backslash, not absolute, no drive letter, no empty, "." or ".." segment
    /// (a trailing "/" aside). The common case, decided without building a `String`.
    private static func isPlainASCII(_ raw: [UInt8]) -> Bool {
        guard let first = raw.first, first != UInt8(ascii: "/") else { return false }
        if raw.count >= 2, raw[1] == UInt8(ascii: ":") { return false }
        var segmentStart = 0
        for (index, byte) in raw.enumerated() {
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return false }
            if byte == UInt8(ascii: "/") {
                if !isPlainSegment(raw[segmentStart..<index]) { return false }
                segmentStart = index + 1
            }
        }
        return segmentStart == raw.count || isPlainSegment(raw[segmentStart...])
    }

    private static func isPlainSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        let dot = UInt8(ascii: ".")
        switch segment.count {
        case 0: return false
        case 1: return segment.first != dot
        case 2: return !(segment.first == dot && segment.last == dot)
        default: return true
        }
    }

    /// A finding when a component of the name is longer than common file systems allow
    /// (an error: the entry cannot be extracted), or the whole name longer than `build`
    /// writes (a warning: it fits Linux's path limit only under a short folder). The
    /// entry is still read: the name is safe, only too long. Limits: `BundleLimits`.
    static func lengthFinding(_ raw: [UInt8]) -> Finding? {
        var longest = 0
        var start = 0
        for (index, byte) in raw.enumerated() where byte == UInt8(ascii: "/") {
            longest = max(longest, index - start)
            start = index + 1
        }
        longest = max(longest, raw.count - start)
        guard raw.count > BundleLimits.maximumNameBytes || longest > BundleLimits.maximumNameComponentBytes else { return nil }
        let name = printable(String(decoding: raw, as: UTF8.self))
        if longest > BundleLimits.maximumNameComponentBytes {
            return Finding(.nameTooLong, entry: name, "a component of the name has \(longest) bytes, more than the \(BundleLimits.maximumNameComponentBytes) common file systems allow; the entry cannot be extracted")
        }
        return Finding(.nameTooLong, entry: name, "the name has \(raw.count) bytes, more than the \(BundleLimits.maximumNameBytes) claimpack writes; extracted under a long folder it would cross the system's path limit",
                       severity: .warning)
    }

    /// Unicode's control characters (category Cc): U+0000–U+001F and U+007F–U+009F.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The name with control characters made visible, for messages.
    static func printable(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            if isControl(scalar) {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Findings for names that are the same, the same under NFC, or the same but for case.
    static func duplicates(_ names: [String]) -> [Finding] {
        var findings: [Finding] = []
        var seenBytes: [ByteKey: String] = [:]
        var seenNFC: [ByteKey: String] = [:]
        var seenFolded: [ByteKey: String] = [:]
        seenBytes.reserveCapacity(names.count)
        seenNFC.reserveCapacity(names.count)
        seenFolded.reserveCapacity(names.count)
        for name in names {
            let bytes = ByteKey(name)
            let nfc = bytes.utf8.allSatisfy { $0 < 0x80 } ? bytes : ByteKey(name.nfc)
            let folded = ByteKey.folded(name)
            if seenBytes[bytes] != nil {
                findings.append(Finding(.duplicateName, entry: printable(name), "the name appears more than once; an extractor keeps only one of them"))
            } else if let other = seenNFC[nfc] {
                findings.append(Finding(.duplicateNameNFC, entry: printable(name), "equal under Unicode NFC to \"\(printable(other))\"; on many systems they are one file"))
            } else if let other = seenFolded[folded] {
                findings.append(Finding(.duplicateNameCase, entry: printable(name), "differs from \"\(printable(other))\" only by letter case; on many systems they are one file"))
            }
            seenBytes[bytes] = name
            if seenNFC[nfc] == nil { seenNFC[nfc] = name }
            if seenFolded[folded] == nil { seenFolded[folded] = name }
        }
        return findings
    }
}

/// The one rule for names that Windows cannot hold, and the safe name proposed instead.
///
/// A path component may not hold `<>:"\|?*` or a control character, end with a dot or a
/// space, be a reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, COM¹–³, LPT¹–³,
/// with any extension, in any case), or exceed 255 UTF-16 units; a whole path may not
/// exceed 260 UTF-16 units. `check`, `deliver` and `extract --windows-safe` all use it.
///
/// The mapping: each forbidden or control character becomes `_`; each trailing dot or
/// space becomes `_`; a reserved name gets a leading `_` (`CON.txt` → `_CON.txt`); a
/// component too long keeps its extension and loses the end of its stem; a path too long
/// shortens its last component the same way.
public enum PortableName {
    /// What makes a name unusable on Windows.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        /// One of `<>:"\|?*` (the characters given).
        case forbiddenCharacters(String)
        /// A control character (U+0000–U+001F, U+007F–U+009F).
        case controlCharacter
        /// The name ends with a dot or a space, which Windows drops.
        case trailingDotOrSpace
        /// A reserved device name, with or without an extension.
        case reservedName(String)
        /// A component longer than 255 UTF-16 units (the count given).
        case componentTooLong(Int)
        /// A path longer than 260 UTF-16 units (the count given).
        case pathTooLong(Int)

        public var description: String {
            switch self {
            case .forbiddenCharacters(let characters): "has \(characters), which Windows does not allow in a name"
            case .controlCharacter: "has a control character"
            case .trailingDotOrSpace: "ends with a dot or a space, which Windows drops"
            case .reservedName(let name): "is the reserved device name \(name) on Windows, whatever the extension"
            case .componentTooLong(let count): "has a name of \(count) UTF-16 units, more than Windows' \(PortableName.maximumComponentLength)"
            case .pathTooLong(let count): "is a path of \(count) characters, more than Windows' \(PortableName.maximumPathLength)"
            }
        }
    }

    /// UTF-16 units of one path component.
    public static let maximumComponentLength = 255
    /// UTF-16 units of a path (Windows' `MAX_PATH`).
    public static let maximumPathLength = 260

    /// The characters Windows refuses in a name.
    static let forbidden: Set<Unicode.Scalar> = ["<", ">", ":", "\"", "\\", "|", "?", "*"]

    /// Device names Windows reserves, upper case.
    static let reserved: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL"]
        for suffix in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"] {
            names.insert("COM" + suffix)
            names.insert("LPT" + suffix)
        }
        return names
    }()

    /// The problems of one path component (no `/` in it).
    public static func problems(ofComponent name: String) -> [Problem] {
        var problems: [Problem] = []
        var found = ""
        for scalar in name.unicodeScalars where forbidden.contains(scalar) && !found.unicodeScalars.contains(scalar) {
            found.unicodeScalars.append(scalar)
        }
        if !found.isEmpty { problems.append(.forbiddenCharacters(found.map { "\"\($0)\"" }.joined(separator: ", "))) }
        if name.unicodeScalars.contains(where: isControl) { problems.append(.controlCharacter) }
        if name.hasSuffix(".") || name.hasSuffix(" ") { problems.append(.trailingDotOrSpace) }
        if let device = reservedDevice(name) { problems.append(.reservedName(device)) }
        if name.utf16.count > maximumComponentLength { problems.append(.componentTooLong(name.utf16.count)) }
        return problems
    }

    /// The problems of a relative path (`/`-separated): each component's, and its length.
    public static func problems(ofPath path: String) -> [Problem] {
        var problems: [Problem] = []
        for component in path.split(separator: "/") {
            for problem in self.problems(ofComponent: String(component)) where !problems.contains(problem) {
                problems.append(problem)
            }
        }
        if path.utf16.count > maximumPathLength { problems.append(.pathTooLong(path.utf16.count)) }
        return problems
    }

    /// The component mapped to one Windows can hold (itself when it can already).
    public static func portable(component name: String) -> String {
        var mapped = ""
        for scalar in name.unicodeScalars {
            mapped.unicodeScalars.append(forbidden.contains(scalar) || isControl(scalar) ? "_" : scalar)
        }
        if reservedDevice(mapped) != nil { mapped = "_" + mapped }
        mapped = shortened(mapped, to: maximumComponentLength)
        return replacingTrailingDotsAndSpaces(mapped)
    }

    /// The relative path mapped component by component, its last component shortened
    /// when the whole is longer than Windows allows.
    public static func portable(path: String) -> String {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map { portable(component: String($0)) }
        let total = components.joined(separator: "/").utf16.count
        if total > maximumPathLength, let last = components.last {
            let room = max(last.utf16.count - (total - maximumPathLength), 1)
            components[components.count - 1] = replacingTrailingDotsAndSpaces(shortened(last, to: room))
        }
        return components.joined(separator: "/")
    }

    /// A warning for an evidence file whose path Windows cannot hold, with the name
    /// proposed instead; `nil` when it can. The path is measured as the bag holds it
    /// (`data/evidence/…`).
    static func diagnostic(for file: EvidenceFile) -> Diagnostic? {
        let bagPath = BundleLayout.payloadPath(for: file.path)
        let problems = problems(ofPath: bagPath)
        guard !problems.isEmpty else { return nil }
        let proposed = String(portable(path: bagPath).dropFirst(BundleLayout.payloadFolder.count))
        let reasons = problems.map(\.description).joined(separator: "; ")
        return Diagnostic(.warning, .nonPortableName, at: SourceLocation(file: file.diskPath),
                          "Windows cannot hold this name (it \(reasons)): a recipient there cannot extract the file as named; rename it, for example to \"\(proposed)\"")
    }

    /// The reserved device name `name` is, upper case, or `nil`: the part before the first
    /// dot, trailing spaces dropped, compared without regard to case.
    static func reservedDevice(_ name: String) -> String? {
        // Every reserved name is at most 5 bytes (COM¹ is C, O, M and two bytes) before its
        // extension and any trailing spaces: most names are longer, and need no case mapping.
        let bytes = name.utf8
        let stemBytes = bytes.firstIndex(of: UInt8(ascii: ".")).map { bytes.distance(from: bytes.startIndex, to: $0) } ?? bytes.count
        if stemBytes > 5, bytes.prefix(stemBytes).dropFirst(5).contains(where: { $0 != UInt8(ascii: " ") }) { return nil }
        var stem = Substring(name)
        if let dot = stem.firstIndex(of: ".") { stem = stem[..<dot] }
        while stem.hasSuffix(" ") { stem = stem.dropLast() }
        let upper = stem.uppercased()
        return reserved.contains(upper) ? upper : nil
    }

    /// `name` cut to at most `limit` UTF-16 units, keeping its extension (when short) and
    /// whole characters.
    static func shortened(_ name: String, to limit: Int) -> String {
        guard name.utf16.count > limit else { return name }
        var stem = Substring(name)
        var ext = Substring("")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name[dot...].utf16.count <= min(16, limit - 1) {
            stem = name[..<dot]
            ext = name[dot...]
        }
        let room = limit - ext.utf16.count
        var kept = ""
        var used = 0
        for character in stem {
            let count = character.utf16.count
            if used + count > room { break }
            kept.append(character)
            used += count
        }
        return (kept.isEmpty ? "_" : kept) + ext
    }

    /// Each trailing dot or space replaced with `_`.
    static func replacingTrailingDotsAndSpaces(_ name: String) -> String {
        var body = Substring(name)
        var count = 0
        while let last = body.last, last == "." || last == " " {
            body = body.dropLast()
            count += 1
        }
        return count == 0 ? name : String(body) + String(repeating: "_", count: count)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

internal import ZipKit

/// Which entries of an archive `extract` writes, and where: only regular files whose names
/// verify accepts, each at a path that no other file or folder of the plan takes (names
/// compared as one file system that folds case and normalisation would).
struct ExtractionPlan {
    /// One file to write.
    struct Item {
        let entry: ZipLayout.Entry
        /// The entry's name in the archive.
        let name: String
        /// The path to write, relative to the target folder.
        let path: String
    }

    private(set) var items: [Item] = []
    /// Entries refused: unsafe names, links, other types, encrypted, colliding.
    private(set) var refused: [ExtractionResult.Skipped] = []
    private(set) var renamed: [ExtractionResult.Renamed] = []

    private var files = Set<ByteKey>()
    private var folders = Set<ByteKey>()

    /// - Parameters:
    ///   - windowsSafe: map names with `PortableName` and rename a collision (`name~2.ext`)
    ///     instead of refusing it.
    ///   - reserved: paths the extraction writes itself (the mapping list).
    init(layout: ZipLayout, windowsSafe: Bool, reserved: [String]) {
        for path in reserved { files.insert(ByteKey.folded(path)) }
        // Names kept as they are take their place first; a mapped name yields to them.
        var mapped: [(ZipLayout.Entry, String, String)] = []
        for entry in layout.entries {
            let (decoded, findings) = EntryNameRules.check(entry.rawName)
            guard let name = decoded, findings.isEmpty else {
                let shown = decoded.map(EntryNameRules.printable) ?? EntryNameRules.printable(String(decoding: entry.rawName, as: UTF8.self))
                refused.append(.init(entry: shown, reason: findings.map(\.message).joined(separator: "; ")))
                continue
            }
            // macOS's metadata (V131) is never part of a bundle: not written.
            if FinderMetadata.contains(name) { continue }
            if let reason = Self.typeRefusal(entry, name: name) {
                refused.append(.init(entry: name, reason: reason))
                continue
            }
            // A directory entry: folders are made for the files in them.
            if name.hasSuffix("/") || entry.unixFileType == 0o040000 { continue }
            let path = windowsSafe ? PortableName.portable(path: name) : name
            if path.utf8.elementsEqual(name.utf8) {
                place(entry, name: name, path: path, windowsSafe: windowsSafe)
            } else {
                mapped.append((entry, name, path))
            }
        }
        for (entry, name, path) in mapped { place(entry, name: name, path: path, windowsSafe: windowsSafe) }
        items.sort { $0.entry.index < $1.entry.index }
        renamed.sort { $0.entry.utf8.lexicographicallyPrecedes($1.entry.utf8) }
    }

    private static func typeRefusal(_ entry: ZipLayout.Entry, name: String) -> String? {
        if entry.unixFileType == 0o120000 { return "a symbolic link; never written, it could point anywhere" }
        if let type = entry.unixFileType, type != 0, type != 0o100000, type != 0o040000 {
            return "not a regular file (a device, pipe or socket); never written"
        }
        if entry.isEncrypted { return "encrypted; a bundle is never encrypted" }
        if entry.method != 0, entry.method != 8 { return "compression method \(entry.method); only store and deflate are read" }
        return nil
    }

    private mutating func place(_ entry: ZipLayout.Entry, name: String, path: String, windowsSafe: Bool) {
        var path = path
        let components = path.split(separator: "/").map(String.init)
        let ancestors = (1..<max(components.count, 1)).map { components[..<$0].joined(separator: "/") }
        if let file = ancestors.first(where: { files.contains(ByteKey.folded($0)) }) {
            refused.append(.init(entry: name, reason: "its folder \(file) is a file of the archive already; not written"))
            return
        }
        if isTaken(path) {
            guard windowsSafe, let free = freeVariant(of: path) else {
                refused.append(.init(entry: name, reason: "its name collides with another entry's (the same but for letter case or Unicode normalisation); not written"))
                return
            }
            path = free
        }
        files.insert(ByteKey.folded(path))
        for ancestor in ancestors { folders.insert(ByteKey.folded(ancestor)) }
        if !path.utf8.elementsEqual(name.utf8) { renamed.append(.init(entry: name, written: path)) }
        items.append(Item(entry: entry, name: name, path: path))
    }

    private func isTaken(_ path: String) -> Bool {
        let key = ByteKey.folded(path)
        return files.contains(key) || folders.contains(key)
    }

    /// `stem~N.ext` in the same folder, for the first N from 2 that is free.
    private func freeVariant(of path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        for counter in 2...1000 {
            let candidate = PortableName.portable(path: folder + stem + "~\(counter)" + ext)
            if !isTaken(candidate) { return candidate }
        }
        return nil
    }
}

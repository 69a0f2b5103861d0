internal import Crypto
internal import Foundation

/// Writes the files of an export into its (staging) folder and keeps their list: name,
/// sheets, size and SHA-256, and whether each is over the target's limit.
struct ExportWriter {
    let folder: URL
    let target: ExportTarget
    private(set) var files: [ExportedFile] = []
    var warnings: [String] = []
    /// Lines the list file adds under its table (files too many for one message).
    var notes: [String] = []

    init(folder: URL, target: ExportTarget) {
        self.folder = folder
        self.target = target
    }

    /// Writes `bytes` as `name`.
    mutating func write(_ bytes: [UInt8], name: String, kind: ExportedFile.Kind, attachment: Int? = nil,
                        part: (part: Int, parts: Int)? = nil, sheets: Int?) throws(ExportError) {
        let url = try place(name)
        do {
            try Data(bytes).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .cannotWrite("\(url.path): cannot be written (\((error as NSError).localizedDescription))")
        }
        add(ExportedFile(name: name, kind: kind, attachment: attachment, part: part?.part, parts: part?.parts, sheets: sheets,
                         bytes: bytes.count, sha256: SHA256Digest(of: bytes).hex, overLimit: false))
    }

    /// Copies the file at `source` as `name`, byte for byte, hashing it on the way.
    mutating func copy(_ source: URL, name: String) throws(ExportError) {
        let url = try place(name)
        var hasher = SHA256()
        var size = 0
        do {
            let input = try FileHandle(forReadingFrom: source)
            defer { try? input.close() }
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ExportError.cannotWrite("\(url.path): cannot be created")
            }
            let output = try FileHandle(forWritingTo: url)
            defer { try? output.close() }
            while let piece = try input.read(upToCount: 1 << 20), !piece.isEmpty {
                hasher.update(data: piece)
                try output.write(contentsOf: piece)
                size += piece.count
            }
            try output.synchronize()
        } catch let error as ExportError {
            throw error
        } catch {
            throw .cannotWrite("\(source.path) → \(url.path): cannot be copied (\((error as NSError).localizedDescription))")
        }
        add(ExportedFile(name: name, kind: .bundle, bytes: size, sha256: SHA256Digest(hasher.finalize()).hex, overLimit: false))
    }

    /// How many messages the files take, each at most `limit` bytes, in their order.
    func messageCount(limit: Int) -> Int {
        var messages = 0
        var used = limit
        for file in files {
            if used + file.bytes > limit {
                messages += 1
                used = 0
            }
            used += file.bytes
        }
        return max(messages, 1)
    }

    /// Writes the list file: the target and its limit with the source, the bundle and its
    /// seal, then a line per file — name, sheets, bytes, SHA-256 — tab-separated.
    mutating func writeList(naming: ExportNaming, claim: Claim, seal: SHA256Digest, bundleName: String) throws(ExportError) {
        var lines = [
            ExportNaming.fill(naming.title, ["target": target.name]),
            ExportNaming.fill(naming.seal, ["bundle": bundleName, "seal": seal.hex]),
            ExportNaming.fill(naming.limit, ["limit": String(target.fileLimit), "source": target.source]),
            "",
            naming.columns.joined(separator: "\t"),
        ]
        for file in files {
            var line = [file.name, file.sheets.map(String.init) ?? "", String(file.bytes), file.sha256].joined(separator: "\t")
            if file.overLimit { line += "\t" + ExportNaming.fill(naming.overLimit, ["limit": String(target.fileLimit)]) }
            lines.append(line)
        }
        if !notes.isEmpty { lines += [""] + notes }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let name = naming.listName
        let url = try place(name)
        do {
            try Data(bytes).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .cannotWrite("\(url.path): cannot be written (\((error as NSError).localizedDescription))")
        }
        files.append(ExportedFile(name: name, kind: .list, bytes: bytes.count, sha256: SHA256Digest(of: bytes).hex, overLimit: false))
    }

    /// The path of `name` in the folder; two files of one name are refused.
    private func place(_ name: String) throws(ExportError) -> URL {
        if files.contains(where: { $0.name == name }) {
            throw .cannotWrite("\(name): two files of the export would have this name; give the evidence different titles in claim.yaml")
        }
        return folder.appendingPathComponent(name)
    }

    /// Records `file`, marking it and warning when it is over the target's limit.
    private mutating func add(_ file: ExportedFile) {
        var file = file
        if file.bytes > target.fileLimit {
            file.overLimit = true
            warnings.append("\(file.name): warning: \(file.bytes) bytes, more than the \(target.fileLimit) bytes a file \(target.name) takes, and it cannot be split further; send it another way (on a medium, or by another channel)")
        }
        files.append(file)
    }
}

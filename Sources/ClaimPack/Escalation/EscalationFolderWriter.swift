public import Foundation

/// Writes the folder of an `EscalationDraft`: `claim.yaml`, the earlier bundle byte for
/// byte and its delivery proofs under `evidence/`. The folder is made under a hidden name
/// beside the target and renamed into place, never over anything that exists; the earlier
/// bundle is only read. The folder keeps the mode `mkdtemp` gives it (0700): it holds the
/// person's name, address and evidence.
public struct EscalationFolderWriter: Sendable {
    public init() {}

    /// Writes `draft` as the folder `target`, copying from `bundle`.
    ///
    /// - Throws: `EscalationError.folderExists` when `target` exists, `.cannotWrite` when
    ///   anything fails (nothing is left behind then).
    public func write(_ draft: EscalationDraft, from bundle: URL, to target: URL) throws(EscalationError) {
        let path = target.path
        var status = stat()
        if lstat(path, &status) == 0 { throw .folderExists(path: path) }
        let parent = target.deletingLastPathComponent()
        var template = Array(parent.appendingPathComponent(".\(target.lastPathComponent).escalate-XXXXXX").path.utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw .cannotWrite(path: path, reason: "no folder can be created in \(parent.path): \(String(cString: strerror(errno)))")
        }
        let temporary = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                            isDirectory: true)
        var done = false
        defer { if !done { try? FileManager.default.removeItem(at: temporary) } }
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: temporary.appendingPathComponent("evidence"), withIntermediateDirectories: false)
            try Data(draft.yaml.utf8).write(to: temporary.appendingPathComponent("claim.yaml"), options: .withoutOverwriting)
        } catch {
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
        for copy in draft.copies {
            let destination = temporary.appendingPathComponent(copy.path)
            do {
                try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
            }
            if let entry = copy.entry {
                do {
                    try ArchivedEntryCopy.copy(entryNamed: entry, of: bundle, to: destination, maximumBytes: BundleLimits.maximumTotalBytes)
                } catch {
                    throw .cannotWrite(path: path, reason: "\(copy.path): \(error.reason)")
                }
            } else {
                do {
                    try fileManager.copyItem(at: bundle, to: destination)
                } catch {
                    throw .cannotWrite(path: path, reason: "\(copy.path): \((error as NSError).localizedDescription)")
                }
            }
        }
        // rename(2) would replace an empty folder made meanwhile: checked once more just before.
        if lstat(path, &status) == 0 { throw .folderExists(path: path) }
        guard rename(temporary.path, path) == 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        done = true
    }
}

internal import FileIO
public import Foundation
internal import SystemPackage

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
        if Paths.exists(path) { throw .folderExists(path: path) }
        let parent = target.deletingLastPathComponent()
        let temporary: URL
        do throws(Errno) {
            temporary = URL(fileURLWithPath: try Paths.makeUniqueFolder(parent.appendingPathComponent(".\(target.lastPathComponent).escalate-XXXXXX").path),
                            isDirectory: true)
        } catch {
            throw .cannotWrite(path: path, reason: "no folder can be created in \(parent.path): \(error.description)")
        }
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
        if Paths.exists(path) { throw .folderExists(path: path) }
        do throws(Errno) {
            try Paths.rename(temporary.path, to: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
        done = true
    }
}

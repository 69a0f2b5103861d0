internal import FileIO
internal import Foundation
internal import SystemPackage

/// An existing bundle that a command is about to replace with a new version (`deliver`,
/// `build --force`): the file a symbolic link leads to, locked against other claimpack
/// runs while it is read and replaced, and replaced keeping its permissions, owner and
/// group.
///
/// - The lock is an advisory `flock` on the bundle file itself. The file is replaced by
///   `rename`, so a run that waited for the lock checks that the name still leads to the
///   file it locked, and starts again if not. Another run still holding the lock after
///   `timeout` is an error that says to try again (exit 75).
/// - Before the rename, the file must be the one that was locked and read (device, inode,
///   size, modification time): a program that changed it without the lock makes this run
///   stop (exit 75) instead of losing its change.
/// - A file with other hard links is replaced under the name given; its other names keep
///   the old content (`notes` says so).
final class BundleReplacement {
    /// The path as given.
    let given: URL
    /// The file itself: `given` with every symbolic link resolved.
    let file: URL
    /// Said to the user when done (hard links).
    private(set) var notes: [String] = []

    private let descriptor: FileDescriptor
    private let locked: Stat

    /// How long a run waits for another one to finish with the same bundle.
    static let defaultTimeout: Duration = .seconds(30)

    private init(given: URL, file: URL, descriptor: FileDescriptor, locked: Stat) {
        self.given = given
        self.file = file
        self.descriptor = descriptor
        self.locked = locked
        if locked.linkCount > 1 {
            notes.append("\(file.path) had \(locked.linkCount - 1) other hard link\(locked.linkCount == 2 ? "" : "s"): the new version replaces it under this name only; the other names keep the old content")
        }
    }

    deinit { try? descriptor.close() }

    /// Resolves, checks and locks the existing bundle `url`.
    ///
    /// - Throws: `.cannotRead` when it does not exist or is not a regular file;
    ///   `.readOnly` when it is not writable (checked before any work); `.busy` when
    ///   another run holds it for longer than `timeout`.
    static func lock(_ url: URL, timeout: Duration = defaultTimeout) throws(BuildError) -> BundleReplacement {
        let file: URL
        do throws(Errno) {
            file = URL(fileURLWithPath: try Paths.resolved(url.path))
        } catch {
            throw .cannotRead(path: url.path, reason: error.description)
        }
        let status = try? FilePath(file.path).stat()
        guard let status, status.type == .regular else {
            let folder = status?.type == .directory
            throw .cannotRead(path: url.path, reason: folder ? "a folder: only the bundle's .zip is rewritten, an extracted folder never" : "not a regular file")
        }
        // Root may write any file: a file with no write permission for its owner is
        // read-only by intent, whoever runs claimpack.
        if !status.permissions.contains(.ownerWrite) || !Paths.allows(.write, to: file.path) {
            throw .readOnly(path: url.path)
        }
        let folder = file.deletingLastPathComponent().path
        guard Paths.allows(.write, to: folder) else {
            throw .cannotCreateOutput(path: url.path, reason: "its folder \(folder) is not writable, and the new version is written beside it")
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            let descriptor: FileDescriptor
            do {
                descriptor = try FileDescriptor.open(FilePath(file.path), .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
            } catch {
                throw .cannotRead(path: url.path, reason: String(describing: error))
            }
            let taken: Bool
            do {
                taken = try descriptor.tryLock()
            } catch {
                try? descriptor.close()
                throw .cannotRead(path: url.path, reason: "cannot be locked")
            }
            if taken {
                if let opened = try? descriptor.stat(), let named = try? FilePath(file.path).stat(),
                   opened.deviceID == named.deviceID, opened.inode == named.inode {
                    return BundleReplacement(given: url, file: file, descriptor: descriptor, locked: opened)
                }
                // Replaced while this run waited: lock the new file.
                try? descriptor.close()
                continue
            }
            try? descriptor.close()
            guard ContinuousClock.now < deadline else { throw .busy(path: url.path) }
            usleep(20_000)
        }
    }

    /// Runs `body` with a new temporary file beside the bundle, with the bundle's
    /// permissions, owner and group. When the owner or group cannot be kept, the file is
    /// given to its owner alone (`rw-------` at most), never to more people.
    func withTemporaryFile<Result>(_ body: (URL) throws(BuildError) -> Result) throws(BuildError) -> Result {
        let mode = locked.permissions.subtracting([.setUserID, .setGroupID, .saveText])
        let ownerOnly = mode.intersection(.ownerReadWriteExecute)
        return try TemporaryFiles.shared.withTemporaryFile(beside: file, mode: ownerOnly, prepare: { descriptor throws(BuildError) in
            var keptOwner = true
            if let current = try? descriptor.stat(), current.userID != locked.userID || current.groupID != locked.groupID {
                keptOwner = (try? descriptor.setOwner(user: locked.userID, group: locked.groupID)) != nil
            }
            do throws(Errno) {
                try descriptor.setPermissions(keptOwner ? mode : ownerOnly)
            } catch {
                throw .cannotCreateOutput(path: file.path, reason: "the permissions of the new version cannot be set: \(error.description)")
            }
            if !keptOwner {
                notes.append("\(given.path): its owner and group could not be kept (only root can give a file away); the new version is readable by you only")
            }
        }, body)
    }

    /// Gives `temporary` the bundle's name, after checking that the bundle is still the
    /// file that was locked and read, and flushes the folder.
    ///
    /// - Throws: `.changedMeanwhile` when it is not; `.cannotCreateOutput` when the
    ///   rename fails.
    func replace(with temporary: URL) throws(BuildError) {
        guard let now = try? FilePath(file.path).stat(), let opened = try? descriptor.stat(),
              now.deviceID == locked.deviceID, now.inode == locked.inode, now.size == locked.size,
              now.st_mtim.tv_sec == locked.st_mtim.tv_sec, now.st_mtim.tv_nsec == locked.st_mtim.tv_nsec,
              opened.size == locked.size, opened.st_mtim.tv_nsec == locked.st_mtim.tv_nsec
        else { throw .changedMeanwhile(path: given.path) }
        do throws(Errno) {
            try Paths.rename(temporary.path, to: file.path)
        } catch {
            throw .cannotCreateOutput(path: file.path, reason: error.description)
        }
        if let folder = try? FileDescriptor.open(FilePath(file.deletingLastPathComponent().path), .readOnly,
                                                 options: [.directory, .closeOnExec]) {
            try? folder.synchronize()
            try? folder.close()
        }
    }
}

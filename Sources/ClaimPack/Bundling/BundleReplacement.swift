internal import Foundation

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

    private let descriptor: Int32
    private let locked: stat

    /// How long a run waits for another one to finish with the same bundle.
    static let defaultTimeout: Duration = .seconds(30)

    private init(given: URL, file: URL, descriptor: Int32, locked: stat) {
        self.given = given
        self.file = file
        self.descriptor = descriptor
        self.locked = locked
        if locked.st_nlink > 1 {
            notes.append("\(file.path) had \(locked.st_nlink - 1) other hard link\(locked.st_nlink == 2 ? "" : "s"): the new version replaces it under this name only; the other names keep the old content")
        }
    }

    deinit { close(descriptor) }

    /// Resolves, checks and locks the existing bundle `url`.
    ///
    /// - Throws: `.cannotRead` when it does not exist or is not a regular file;
    ///   `.readOnly` when it is not writable (checked before any work); `.busy` when
    ///   another run holds it for longer than `timeout`.
    static func lock(_ url: URL, timeout: Duration = defaultTimeout) throws(BuildError) -> BundleReplacement {
        guard let resolved = realpath(url.path, nil) else {
            throw .cannotRead(path: url.path, reason: String(cString: strerror(errno)))
        }
        let file = URL(fileURLWithPath: String(cString: resolved))
        free(resolved)
        var status = stat()
        guard stat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            let folder = status.st_mode & S_IFMT == S_IFDIR
            throw .cannotRead(path: url.path, reason: folder ? "a folder: only the bundle's .zip is rewritten, an extracted folder never" : "not a regular file")
        }
        // Root may write any file: a file with no write permission for its owner is
        // read-only by intent, whoever runs claimpack.
        if status.st_mode & S_IWUSR == 0 || access(file.path, W_OK) != 0 {
            throw .readOnly(path: url.path)
        }
        let folder = file.deletingLastPathComponent().path
        guard access(folder, W_OK) == 0 else {
            throw .cannotCreateOutput(path: url.path, reason: "its folder \(folder) is not writable, and the new version is written beside it")
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            let descriptor = open(file.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotRead(path: url.path, reason: String(cString: strerror(errno))) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                var opened = stat()
                var named = stat()
                if fstat(descriptor, &opened) == 0, stat(file.path, &named) == 0,
                   opened.st_dev == named.st_dev, opened.st_ino == named.st_ino {
                    return BundleReplacement(given: url, file: file, descriptor: descriptor, locked: opened)
                }
                // Replaced while this run waited: lock the new file.
                close(descriptor)
                continue
            }
            let busy = errno == EWOULDBLOCK
            close(descriptor)
            guard busy else { throw .cannotRead(path: url.path, reason: "cannot be locked") }
            guard ContinuousClock.now < deadline else { throw .busy(path: url.path) }
            usleep(20_000)
        }
    }

    /// Runs `body` with a new temporary file beside the bundle, with the bundle's
    /// permissions, owner and group. When the owner or group cannot be kept, the file is
    /// given to its owner alone (`rw-------` at most), never to more people.
    func withTemporaryFile<Result>(_ body: (URL) throws(BuildError) -> Result) throws(BuildError) -> Result {
        let mode = locked.st_mode & 0o7777 & ~(S_ISUID | S_ISGID | S_ISVTX)
        return try TemporaryFiles.shared.withTemporaryFile(beside: file, mode: mode & 0o700, prepare: { descriptor throws(BuildError) in
            var keptOwner = true
            var current = stat()
            if fstat(descriptor, &current) == 0, current.st_uid != locked.st_uid || current.st_gid != locked.st_gid {
                keptOwner = fchown(descriptor, locked.st_uid, locked.st_gid) == 0
            }
            guard fchmod(descriptor, keptOwner ? mode : mode & 0o700) == 0 else {
                throw .cannotCreateOutput(path: file.path, reason: "the permissions of the new version cannot be set: \(String(cString: strerror(errno)))")
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
        var now = stat()
        var opened = stat()
        guard stat(file.path, &now) == 0, fstat(descriptor, &opened) == 0,
              now.st_dev == locked.st_dev, now.st_ino == locked.st_ino, now.st_size == locked.st_size,
              now.st_mtim.tv_sec == locked.st_mtim.tv_sec, now.st_mtim.tv_nsec == locked.st_mtim.tv_nsec,
              opened.st_size == locked.st_size, opened.st_mtim.tv_nsec == locked.st_mtim.tv_nsec
        else { throw .changedMeanwhile(path: given.path) }
        guard rename(temporary.path, file.path) == 0 else {
            throw .cannotCreateOutput(path: file.path, reason: String(cString: strerror(errno)))
        }
        let folder = open(file.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }
}

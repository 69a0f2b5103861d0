internal import Foundation
internal import Synchronization

/// The temporary files claimpack writes beside a bundle before renaming them into place,
/// named so that a later run recognises its own leftovers and removes them — and only
/// those: `.NAME.claimpack-partial-PID-RANDOM`, RANDOM 16 hexadecimal digits.
///
/// While a temporary file lives, the process that made it holds an advisory lock
/// (`flock`) on it. A leftover (a run killed with `kill -9`, a power cut) is a file of that
/// name whose process is gone and whose lock is free: both are checked, so a file of a
/// run still under way (its PID alive, or its lock held from another PID namespace) is
/// never touched. The files in use are also registered, so that SIGINT or SIGTERM
/// removes them before claimpack exits.
public final class TemporaryFiles: Sendable {
    /// The registry of this process.
    public static let shared = TemporaryFiles()

    /// The files and folders registered, and whether `removeAll` has run (then nothing
    /// more is created through `creating`: the process is about to exit).
    private let state = Mutex<(paths: Set<String>, closed: Bool)>(([], false))

    /// What comes between a bundle's name and the process id in its temporary files' names.
    static let marker = ".claimpack-partial-"

    /// A new hidden temporary file beside `target`, created empty with `mode` (the umask
    /// may narrow it, never widen it) and locked, registered for the time `body` runs, and
    /// removed after it whatever happens (a successful body has renamed it into place).
    ///
    /// Leftovers of earlier runs beside `target` are removed first (`removeLeftovers`).
    /// - Parameters:
    ///   - mode: the permissions the file is created with (through the umask).
    ///   - prepare: called with the open descriptor before `body`: to give the file exact
    ///     permissions, an owner and a group.
    func withTemporaryFile<Result, Failure: Error>(beside target: URL, mode: mode_t = 0o644,
                                                  prepare: (Int32) throws(Failure) -> Void = { _ in },
                                                  _ body: (URL) throws(Failure) -> Result) throws(Failure) -> Result {
        let folder = target.deletingLastPathComponent()
        TemporaryFiles.removeLeftovers(of: target)
        var descriptor: Int32 = -1
        var temporary = folder
        for _ in 0..<8 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let padded = String(repeating: "0", count: 16 - random.count) + random
            temporary = folder.appendingPathComponent(".\(target.lastPathComponent)\(TemporaryFiles.marker)\(getpid())-\(padded)")
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        // The writer reports a file that cannot be created; this one is only the lock.
        if descriptor >= 0 { _ = flock(descriptor, LOCK_EX | LOCK_NB) }
        register(temporary.path)
        defer {
            unlink(temporary.path)
            unregister(temporary.path)
            if descriptor >= 0 { close(descriptor) }
        }
        if descriptor >= 0 { try prepare(descriptor) }
        return try body(temporary)
    }

    func register(_ path: String) {
        state.withLock { _ = $0.paths.insert(path) }
    }

    func unregister(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// Runs `create`, a system call that makes the file or folder `path` (a descriptor or
    /// 0 on success, -1 on failure), and registers `path` when it succeeds, in one step
    /// that `removeAll` cannot come between: a SIGTERM between the two would otherwise
    /// leave a file no one removes. Once `removeAll` has run, `create` is not called and
    /// -1 is returned with `errno` EINTR.
    func creating(_ path: String, _ create: () -> Int32) -> Int32 {
        state.withLock { state -> Int32 in
            guard !state.closed else {
                errno = EINTR
                return -1
            }
            let made = create()
            if made >= 0 { state.paths.insert(path) }
            return made
        }
    }

    /// Removes every registered file, then every registered folder left empty (`extract`
    /// registers the folders it makes), deepest first, and lets `creating` make nothing
    /// more. Safe to call from a signal-handling queue; the process exits after it.
    public func removeAll() {
        state.withLock { state in
            state.closed = true
            for path in state.paths { unlink(path) }
            for path in state.paths.sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(path) }
        }
    }

    /// Removes the leftovers of earlier runs beside `target`: the files named as this type
    /// names them whose process is gone and whose lock is free. Returns their names.
    @discardableResult
    static func removeLeftovers(of target: URL) -> [String] {
        let folder = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)\(marker)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = processID(inLeftoverName: name.dropFirst(prefix.count)), !isAlive(pid) else { continue }
            let path = folder.appendingPathComponent(name).path
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var opened = stat()
            var named = stat()
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, fstat(descriptor, &opened) == 0, lstat(path, &named) == 0,
                  opened.st_mode & S_IFMT == S_IFREG, opened.st_dev == named.st_dev, opened.st_ino == named.st_ino
            else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// The PID of `PID-RANDOM` (RANDOM 16 hexadecimal digits), or `nil` when the rest of the
    /// name is not exactly that.
    private static func processID(inLeftoverName rest: Substring) -> pid_t? {
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 16, parts[1].allSatisfy(\.isHexDigit),
              !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), let pid = pid_t(parts[0]), pid > 0
        else { return nil }
        return pid
    }

    /// Whether a process `pid` exists (one we may not signal exists too).
    private static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

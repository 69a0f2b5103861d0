internal import FileIO
internal import Foundation
internal import Synchronization
internal import SystemPackage

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
    func withTemporaryFile<Result, Failure: Error>(beside target: URL, mode: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead],
                                                  prepare: (FileDescriptor) throws(Failure) -> Void = { _ in },
                                                  _ body: (URL) throws(Failure) -> Result) throws(Failure) -> Result {
        let folder = target.deletingLastPathComponent()
        TemporaryFiles.removeLeftovers(of: target)
        var descriptor: FileDescriptor?
        var temporary = folder
        for _ in 0..<8 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let padded = String(repeating: "0", count: 16 - random.count) + random
            temporary = folder.appendingPathComponent(".\(target.lastPathComponent)\(TemporaryFiles.marker)\(getpid())-\(padded)")
            do {
                descriptor = try FileDescriptor.open(FilePath(temporary.path), .writeOnly,
                                                     options: [.create, .exclusiveCreate, .noFollow, .closeOnExec], permissions: mode)
                break
            } catch {
                if error as? Errno != .fileExists { break }
            }
        }
        // The writer reports a file that cannot be created; this one is only the lock.
        _ = try? descriptor?.tryLock()
        register(temporary.path)
        defer {
            try? Paths.remove(temporary.path)
            unregister(temporary.path)
            try? descriptor?.close()
        }
        if let descriptor { try prepare(descriptor) }
        return try body(temporary)
    }

    func register(_ path: String) {
        state.withLock { _ = $0.paths.insert(path) }
    }

    func unregister(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// Runs `create`, which makes the file or folder `path`, and registers `path` when it
    /// succeeds, in one step that `removeAll` cannot come between: a SIGTERM between the
    /// two would otherwise leave a file no one removes. Once `removeAll` has run, `create`
    /// is not called and `Errno.interrupted` is thrown.
    func creating<Made: Sendable>(_ path: String, _ create: () throws(Errno) -> Made) throws(Errno) -> Made {
        try state.withLock { state throws(Errno) -> Made in
            guard !state.closed else { throw .interrupted }
            let made = try create()
            state.paths.insert(path)
            return made
        }
    }

    /// Removes every registered file, then every registered folder left empty (`extract`
    /// registers the folders it makes), deepest first, and lets `creating` make nothing
    /// more. Safe to call from a signal-handling queue; the process exits after it.
    public func removeAll() {
        state.withLock { state in
            state.closed = true
            for path in state.paths { try? Paths.remove(path) }
            for path in state.paths.sorted(by: { $0.utf8.count > $1.utf8.count }) { try? Paths.removeFolder(path) }
        }
    }

    /// Removes the leftovers of earlier runs beside `target`: the files named as this type
    /// names them whose process is gone and whose lock is free. Returns their names.
    @discardableResult
    static func removeLeftovers(of target: URL) -> [String] {
        let prefix = ".\(target.lastPathComponent)\(marker)"
        guard let folder = try? FileDescriptor.open(FilePath(target.deletingLastPathComponent().path), .readOnly,
                                                    options: [.directory, .closeOnExec]) else { return [] }
        defer { try? folder.close() }
        let names = ((try? folder.names()) ?? []).compactMap { String(validating: $0, as: UTF8.self) }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = processID(inLeftoverName: name.dropFirst(prefix.count)), !isAlive(pid),
                  let descriptor = try? FileDescriptor.open(name, in: folder, .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
            else { continue }
            defer { try? descriptor.close() }
            guard (try? descriptor.tryLock()) == true, let opened = try? descriptor.stat(), let named = try? folder.status(of: name),
                  opened.type == .regular, opened.deviceID == named.deviceID, opened.inode == named.inode
            else { continue }
            if (try? folder.remove(name)) != nil { removed.append(name) }
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

internal import Foundation
internal import Synchronization

/// The temporary files a build has under way, so that an interrupted run (SIGINT,
/// SIGTERM) can remove them before it exits. Files are registered by path prefix, which
/// also covers the `PREFIX.XXXXXX` file libzip writes before renaming.
public final class TemporaryFiles: Sendable {
    /// The registry of this process.
    public static let shared = TemporaryFiles()

    private let prefixes = Mutex<Set<String>>([])

    /// A hidden temporary file beside `target` (`.NAME.partial-PID-RANDOM`), registered
    /// for the time `body` runs, and removed after it whatever happens (a successful body
    /// has renamed it into place by then).
    func withTemporaryFile<Result, Failure: Error>(beside target: URL,
                                                  _ body: (URL) throws(Failure) -> Result) throws(Failure) -> Result {
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        register(temporary.path)
        defer {
            TemporaryFiles.remove(prefix: temporary.path)
            unregister(temporary.path)
        }
        return try body(temporary)
    }

    func register(_ path: String) {
        prefixes.withLock { _ = $0.insert(path) }
    }

    func unregister(_ path: String) {
        prefixes.withLock { _ = $0.remove(path) }
    }

    /// Removes every registered file and every file whose name starts with a registered
    /// one. Safe to call from a signal-handling queue.
    public func removeAll() {
        let paths = prefixes.withLock { $0 }
        for path in paths { TemporaryFiles.remove(prefix: path) }
    }

    /// Removes `prefix` and the files beside it whose names start with its name.
    static func remove(prefix path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for candidate in names where candidate.hasPrefix(name) {
            unlink(folder.appendingPathComponent(candidate).path)
        }
    }
}

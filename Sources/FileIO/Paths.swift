package import SystemPackage
#if canImport(Glibc)
internal import Glibc
#endif

/// Calls on paths that swift-system 1.8 does not wrap.
package enum Paths {
    /// `path` with every symbolic link, `.` and `..` resolved (`realpath(3)`).
    package static func resolved(_ path: String) throws(Errno) -> String {
        guard let resolved = Glibc.realpath(path, nil) else { throw Errno(rawValue: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether this process may read (or write) `path` (`access(2)`).
    package static func allows(_ access: FileAccess, to path: String) -> Bool {
        Glibc.access(path, access.rawValue) == 0
    }

    /// Gives `path` the name `newPath` (`rename(2)`), replacing what is there.
    package static func rename(_ path: String, to newPath: String) throws(Errno) {
        _ = try retrying { Glibc.rename(path, newPath) }
    }

    /// Removes the file `path` (`unlink(2)`).
    package static func remove(_ path: String) throws(Errno) {
        _ = try retrying { Glibc.unlink(path) }
    }
}

extension Paths {
    /// The status of `path` as given (`stat(2)`, or `lstat(2)` unless `followingLinks`),
    /// retried on `EINTR`. The bytes reach the system unchanged: `FilePath` would drop a
    /// trailing `/`, which makes `lstat` of `link/` look at the link's target.
    package static func status(of path: String, followingLinks: Bool = false) throws(Errno) -> Stat {
        do { return try path.withCString { try Stat($0, followTargetSymlink: followingLinks) } } catch { throw Errno(error) }
    }
}

extension FileDescriptor {
    /// Opens `path` as given (swift-system's `open(2)`, retried on `EINTR`). The bytes reach
    /// the system unchanged: `FilePath` would drop a trailing `/` (so `file/` would open
    /// the file instead of failing with `ENOTDIR`) and merge doubled ones.
    package static func open(
        path: String, _ mode: AccessMode, options: OpenOptions = [], permissions: FilePermissions? = nil
    ) throws(Errno) -> FileDescriptor {
        do { return try path.withCString { try open($0, mode, options: options, permissions: permissions) } } catch { throw Errno(error) }
    }
}

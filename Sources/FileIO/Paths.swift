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

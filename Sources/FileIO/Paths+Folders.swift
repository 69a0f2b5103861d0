package import SystemPackage
#if canImport(Glibc)
internal import Glibc
#endif

/// Folders, hard links and the question whether a name is taken, on paths: what
/// swift-system 1.8 does not do.
extension Paths {
    /// Makes the folder `path` (`mkdir(2)`; the umask may narrow `permissions`). Not
    /// retried: a folder made before an interruption would then be reported as existing.
    package static func makeFolder(_ path: String, permissions: FilePermissions) throws(Errno) {
        _ = try checked { Glibc.mkdir(path, permissions.rawValue) }
    }

    /// Removes the empty folder `path` (`rmdir(2)`).
    package static func removeFolder(_ path: String) throws(Errno) {
        _ = try retrying { Glibc.rmdir(path) }
    }

    /// Makes a new folder only this user can enter (mode 0700) from `template`, a path
    /// whose name ends in `XXXXXX`, replaced by characters that make it unique
    /// (`mkdtemp(3)`); returns its path.
    package static func makeUniqueFolder(_ template: String) throws(Errno) -> String {
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { Glibc.mkdtemp($0.baseAddress!) }
        guard made != nil else { throw Errno(rawValue: errno) }
        return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Gives the file `path` the further name `newPath` (`link(2)`): never replaces what is
    /// there (`Errno.fileExists`), so it names a new file atomically and exclusively.
    package static func link(_ path: String, as newPath: String) throws(Errno) {
        _ = try checked { Glibc.link(path, newPath) }
    }

    /// Whether anything is at `path` — a dangling symbolic link too: the link itself is
    /// looked at (`lstat(2)`), as `rename(2)` would replace it.
    package static func exists(_ path: String) -> Bool {
        (try? FilePath(path).stat(followTargetSymlink: false)) != nil
    }
}

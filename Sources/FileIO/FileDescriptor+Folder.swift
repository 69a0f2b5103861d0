package import SystemPackage
#if canImport(Glibc)
internal import Glibc
#endif

/// Calls relative to an open folder (`openat(2)` and its siblings), which swift-system
/// 1.8 does not wrap. A name is looked up in the folder the descriptor holds: no path is
/// walked from the root again for every file, and a folder swapped for a link meanwhile
/// is not followed when the options say `.noFollow`.
extension FileDescriptor {
    /// Opens `name` in the open folder `folder` (`openat(2)`), retried on `EINTR`.
    /// `permissions` are required with `.create`.
    package static func open(
        _ name: String, in folder: FileDescriptor, _ mode: AccessMode,
        options: OpenOptions = [], permissions: FilePermissions? = nil
    ) throws(Errno) -> FileDescriptor {
        let flags = mode.rawValue | options.rawValue
        let raw = try retrying {
            name.withCString { path in
                if let permissions { Glibc.openat(folder.rawValue, path, flags, permissions.rawValue) }
                else { Glibc.openat(folder.rawValue, path, flags) }
            }
        }
        return FileDescriptor(rawValue: raw)
    }

    /// The status of `name` in this open folder (`fstatat(2)`), of a link itself unless
    /// `followingLinks`.
    package func status(of name: String, followingLinks: Bool = false) throws(Errno) -> Stat {
        var raw = Glibc.stat()
        _ = try retrying { name.withCString { Glibc.fstatat(rawValue, $0, &raw, followingLinks ? 0 : AT_SYMLINK_NOFOLLOW) } }
        return Stat(rawValue: raw)
    }

    /// Whether this process may read (or write) `name` in this open folder (`faccessat(2)`).
    package func allows(_ access: FileAccess, to name: String) -> Bool {
        name.withCString { Glibc.faccessat(rawValue, $0, access.rawValue, 0) } == 0
    }

    /// Removes `name` from this open folder (`unlinkat(2)`; an empty folder with `folder`).
    package func remove(_ name: String, folder: Bool = false) throws(Errno) {
        _ = try retrying { name.withCString { Glibc.unlinkat(rawValue, $0, folder ? AT_REMOVEDIR : 0) } }
    }

    /// Makes the folder `name` in this open folder (`mkdirat(2)`).
    package func makeFolder(_ name: String, permissions: FilePermissions) throws(Errno) {
        _ = try retrying { name.withCString { Glibc.mkdirat(rawValue, $0, permissions.rawValue) } }
    }

    /// Gives `name` in this open folder the name `newName` in `destination` (`renameat(2)`),
    /// replacing what is there.
    package func rename(_ name: String, to newName: String, in destination: FileDescriptor? = nil) throws(Errno) {
        let target = (destination ?? self).rawValue
        _ = try retrying { name.withCString { from in newName.withCString { to in Glibc.renameat(rawValue, from, target, to) } } }
    }

    /// The names in this open folder, as bytes, without `.` and `..`, in the order the file
    /// system gives them (`readdir(3)` on a duplicate: this descriptor stays open and is
    /// not moved).
    package func names() throws(Errno) -> [[UInt8]] {
        try names(limit: .max)
    }

    /// The same names, but reading stops once there are more than `limit` of them: a folder
    /// of millions of names is not read into memory to be refused. More than `limit` names
    /// in the answer means the folder holds more.
    package func names(limit: Int) throws(Errno) -> [[UInt8]] {
        let copy = try retrying { Glibc.dup(rawValue) }
        guard let stream = Glibc.fdopendir(copy) else {
            let error = Errno(rawValue: errno)
            Glibc.close(copy)
            throw error
        }
        defer { Glibc.closedir(stream) }
        Glibc.rewinddir(stream)
        var names: [[UInt8]] = []
        errno = 0
        while let entry = Glibc.readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in Array(bytes.prefix { $0 != 0 }) }
            if name != [0x2E], name != [0x2E, 0x2E] { names.append(name) }
            if names.count > limit { return names }
        }
        guard errno == 0 else { throw Errno(rawValue: errno) }
        return names
    }

    /// The target of the symbolic link `name` in this open folder (`readlinkat(2)`), as bytes.
    package func linkTarget(of name: String) throws(Errno) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = try retrying { name.withCString { path in buffer.withUnsafeMutableBufferPointer { Glibc.readlinkat(rawValue, path, $0.baseAddress!, $0.count) } } }
        return Array(buffer.prefix(count))
    }
}

/// What `allows(_:to:)` asks for.
package struct FileAccess: OptionSet, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let read = FileAccess(rawValue: R_OK)
    package static let write = FileAccess(rawValue: W_OK)
    /// Search (`X_OK`): for a folder, whether names in it can be looked up.
    package static let search = FileAccess(rawValue: X_OK)
}

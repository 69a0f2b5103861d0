internal import Foundation

/// What `lstat(2)` says about a path, without following a link: the kind, the size and the
/// identity (device and inode). `FileManager.attributesOfItem` gives the same but also
/// looks up the owner's user and group names, which reads /etc/passwd and /etc/group once
/// per file: with thousands of evidence files that was a fifth of a build.
struct FileStatus: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, pipe, socket, device, other

        /// The kind in a message: "a named pipe", "a folder".
        var noun: String {
            switch self {
            case .regular: "a regular file"
            case .directory: "a folder"
            case .symbolicLink: "a symbolic link"
            case .pipe: "a named pipe (FIFO)"
            case .socket: "a socket"
            case .device: "a device"
            case .other: "not a regular file"
            }
        }
    }

    var kind: Kind
    var size: UInt64
    var identity: FileIdentity

    /// The status of `path`, or `nil` when it does not exist or cannot be reached.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The status of `name` in the open folder `directory` (`fstatat(2)`, not following a
    /// link): one lookup, where a path is walked from the root again for every file.
    init?(in directory: Int32, name: String) {
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        self.init(status)
    }

    /// The status of an open file (`fstat(2)`): what was opened, whatever its path is now.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init(_ status: stat) {
        kind = switch status.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        case S_IFIFO: .pipe
        case S_IFSOCK: .socket
        case S_IFCHR, S_IFBLK: .device
        default: .other
        }
        size = UInt64(max(0, status.st_size))
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Whether this process may read `path` (`access(2)` with `R_OK`).
    static func isReadable(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }

    /// Whether this process may read `name` in the open folder `directory`.
    static func isReadable(in directory: Int32, name: String) -> Bool {
        faccessat(directory, name, R_OK, 0) == 0
    }
}

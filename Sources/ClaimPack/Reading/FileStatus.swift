internal import Foundation

/// What `lstat(2)` says about a path, without following a link: the kind and the size.
/// `FileManager.attributesOfItem` gives the same but also looks up the owner's user and
/// group names, which reads /etc/passwd and /etc/group once per file: with thousands of
/// evidence files that was a fifth of a build.
struct FileStatus: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, other
    }

    var kind: Kind
    var size: UInt64

    /// The status of `path`, or `nil` when it does not exist or cannot be reached.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        kind = switch status.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
        size = UInt64(max(0, status.st_size))
    }

    /// Whether this process may read `path` (`access(2)` with `R_OK`).
    static func isReadable(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }
}

internal import FileIO
internal import SystemPackage

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
        guard let status = try? Paths.status(of: path) else { return nil }
        self.init(status)
    }

    /// The status of `name` in the open folder `directory` (`fstatat(2)`, not following a
    /// link): one lookup, where a path is walked from the root again for every file.
    /// - Throws: the `Errno` of `fstatat`, for a message.
    init(of name: String, in directory: FileDescriptor) throws(Errno) {
        self.init(try directory.status(of: name))
    }

    /// The same, `nil` when there is no such name or it cannot be reached.
    init?(in directory: FileDescriptor, name: String) {
        try? self.init(of: name, in: directory)
    }

    /// The same, in a folder open as a raw descriptor.
    init?(in directory: Int32, name: String) {
        self.init(in: FileDescriptor(rawValue: directory), name: name)
    }

    /// The status of an open file (`fstat(2)`): what was opened, whatever its path is now.
    /// - Throws: the `Errno` of `fstat`, for a message.
    init(of file: FileDescriptor) throws(Errno) {
        self.init(try file.stat())
    }

    /// The same, `nil` when `fstat` fails.
    init?(descriptor: FileDescriptor) {
        try? self.init(of: descriptor)
    }

    /// The same, for a raw descriptor.
    init?(descriptor: Int32) {
        self.init(descriptor: FileDescriptor(rawValue: descriptor))
    }

    private init(_ status: Stat) {
        kind = switch status.type {
        case .regular: .regular
        case .directory: .directory
        case .symbolicLink: .symbolicLink
        case .fifo: .pipe
        case .socket: .socket
        case .characterSpecial, .blockSpecial: .device
        default: .other
        }
        size = UInt64(max(0, status.size))
        identity = FileIdentity(device: UInt64(status.deviceID.rawValue), inode: UInt64(status.inode.rawValue))
    }

    /// Whether this process may read `path` (`access(2)` with `R_OK`).
    static func isReadable(_ path: String) -> Bool {
        Paths.allows(.read, to: path)
    }

    /// Whether this process may read `name` in the open folder `directory`.
    static func isReadable(in directory: FileDescriptor, name: String) -> Bool {
        directory.allows(.read, to: name)
    }

    /// The same, for a raw descriptor.
    static func isReadable(in directory: Int32, name: String) -> Bool {
        isReadable(in: FileDescriptor(rawValue: directory), name: name)
    }
}

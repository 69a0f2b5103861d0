package import SystemPackage
#if canImport(Glibc)
internal import Glibc
#endif

/// What swift-system 1.8 does not wrap of an open file: flushing, advisory locks,
/// permissions and owner, non-blocking mode, the terminal question and read-ahead advice.
extension FileDescriptor {
    /// Writes the file's data and metadata to the device (`fsync(2)`).
    package func synchronize() throws(Errno) {
        _ = try retrying { Glibc.fsync(rawValue) }
    }

    /// Takes the advisory lock (`flock(2)`, exclusive unless `shared`) without waiting:
    /// `false` when another open file description holds it.
    package func tryLock(shared: Bool = false) throws(Errno) -> Bool {
        let operation = (shared ? LOCK_SH : LOCK_EX) | LOCK_NB
        while flock(rawValue, operation) != 0 {
            let error = Errno(rawValue: errno)
            if error == .wouldBlock { return false }
            if error != .interrupted { throw error }
        }
        return true
    }

    /// Sets the permission bits (`fchmod(2)`).
    package func setPermissions(_ permissions: FilePermissions) throws(Errno) {
        _ = try retrying { Glibc.fchmod(rawValue, permissions.rawValue) }
    }

    /// Sets the owner and group (`fchown(2)`): only root may give a file away.
    package func setOwner(user: UserID, group: GroupID) throws(Errno) {
        _ = try retrying { Glibc.fchown(rawValue, user.rawValue, group.rawValue) }
    }

    /// Turns `O_NONBLOCK` off (an opened FIFO would otherwise fail reads with `EAGAIN`).
    package func makeBlocking() throws(Errno) {
        let flags = try retrying { Glibc.fcntl(rawValue, F_GETFL) }
        _ = try retrying { Glibc.fcntl(rawValue, F_SETFL, flags & ~O_NONBLOCK) }
    }

    /// Whether this is a terminal (`isatty(3)`).
    package var isTerminal: Bool { Glibc.isatty(rawValue) == 1 }

    /// Tells the kernel the file will be read from start to end (`posix_fadvise(2)`,
    /// `POSIX_FADV_SEQUENTIAL`): a larger read-ahead. Advice only: a failure is ignored.
    package func adviseSequential() {
        _ = Glibc.posix_fadvise(rawValue, 0, 0, POSIX_FADV_SEQUENTIAL)
    }
}

extension FileDescriptor.OpenOptions {
    /// `O_DIRECT`: reads and writes between the device and the buffer, past the page cache
    /// (offsets, lengths and buffers aligned to the block size). Glibc's Swift module
    /// exports it only under its internal name.
    package static var direct: Self { Self(rawValue: __O_DIRECT) }
}

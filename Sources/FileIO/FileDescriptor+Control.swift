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

/// Reading until a buffer is full, which swift-system 1.8 leaves to the caller: `read(into:)`
/// may return fewer bytes than asked before the end of a file.
extension FileDescriptor {
    /// Reads from the file offset until `buffer` is full or the file ends (`read(2)`,
    /// retried on `EINTR`): the count read, less than `buffer.count` only at the end.
    package func read(filling buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try Self.fill(buffer) { rest, _ in try read(into: rest) }
    }

    /// Reads from `offset` on until `buffer` is full or the file ends (`pread(2)`, retried
    /// on `EINTR`; the file offset does not move): the count read, less than `buffer.count`
    /// only at the end.
    package func read(filling buffer: UnsafeMutableRawBufferPointer, fromAbsoluteOffset offset: Int64) throws(Errno) -> Int {
        try Self.fill(buffer) { rest, done in try read(fromAbsoluteOffset: offset + Int64(done), into: rest) }
    }

    /// Calls `readInto` with the rest of `buffer` and the count read so far until `buffer`
    /// is full or a call reads nothing; the count read.
    private static func fill(
        _ buffer: UnsafeMutableRawBufferPointer, _ readInto: (UnsafeMutableRawBufferPointer, Int) throws -> Int
    ) throws(Errno) -> Int {
        var count = 0
        while count < buffer.count {
            let read: Int
            do { read = try readInto(UnsafeMutableRawBufferPointer(rebasing: buffer[count...]), count) } catch { throw Errno(error) }
            if read == 0 { break }
            count += read
        }
        return count
    }
}

extension Errno {
    /// The error a swift-system call threw, which is always an `Errno` (its calls are
    /// declared `throws` without a type); anything else, which cannot happen, as `EIO`.
    package init(_ error: any Error) {
        self = error as? Errno ?? .ioError
    }
}

extension FileDescriptor.OpenOptions {
    /// `O_DIRECT`: reads and writes between the device and the buffer, past the page cache
    /// (offsets, lengths and buffers aligned to the block size). Glibc's Swift module
    /// exports it only under its internal name.
    package static var direct: Self { Self(rawValue: __O_DIRECT) }
}

internal import CLibZip
internal import Dispatch
internal import FileIO
internal import SystemPackage

/// The file libzip writes a new archive into, through a write source with 1 MiB buffers:
/// libzip's own file source writes through stdio in 4 KiB calls, which costs a system call
/// per 4 KiB. Seeks back into the buffer (libzip rewrites each local header after its
/// data) cost none. A full buffer is written by a serial queue while the next one fills,
/// so that writing overlaps reading, hashing and compressing; writes keep their order.
///
/// Full buffers are written with `O_DIRECT` where the file system takes it: the archive's
/// bytes go from our buffer to the device without a copy into the page cache, which on
/// these machines costs more than hashing them, and a multi-gigabyte bundle neither
/// evicts the user's cache nor runs into the kernel's write-back throttling. So the buffer
/// always starts at a multiple of `alignment`, and bytes before it (a local header that
/// libzip rewrites after its entry's data) go through a second, ordinary descriptor. A
/// file system that refuses `O_DIRECT`, at `open` or at the first write, gets ordinary
/// writes only; tmpfs accepts the flag and copies as usual. Writes go through swift-system's
/// `writeAll(toAbsoluteOffset:_:)` (`pwrite(2)`, retried on `EINTR`).
///
/// `@unchecked Sendable`: the queue touches only `spare`, `asyncError` and `directFailed`
/// (and reads `descriptor`, set before the first write and closed after the last), and the
/// caller reads them only after `spareFree.wait()` or `drain()`: after the queue is done.
final class BufferedFileSink: @unchecked Sendable {
    let path: String
    /// Ordinary writes: patches behind the buffer, and everything when `O_DIRECT` is refused.
    private var descriptor: FileDescriptor?
    /// `O_DIRECT` writes of whole buffers, or `nil`.
    private var directDescriptor: FileDescriptor?
    /// The archive's bytes from `bufferStart` on: `count` of them.
    private var buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    private var bufferStart: UInt64 = 0
    /// Where the next write goes.
    private var position: UInt64 = 0
    var error = zip_error_t()
    /// The buffer being written by the queue, then free to take the next bytes.
    private var spare: UnsafeMutableRawBufferPointer
    private let spareFree = DispatchSemaphore(value: 1)
    private let queue = DispatchQueue(label: "claimpack.zip-writer")
    /// The error of a failed background write.
    private var asyncError: Errno?
    /// Set when an `O_DIRECT` write was refused: the rest goes through `descriptor`.
    private var directFailed = false

    static let capacity = 1 << 20
    /// The file offset, length and memory alignment `O_DIRECT` needs: the page size, a
    /// multiple of every logical block size in use.
    static let alignment = 4096

    /// The end of the archive so far: the buffer always reaches it.
    private var end: UInt64 { bufferStart + UInt64(count) }

    init(path: String) {
        self.path = path
        zip_error_init(&error)
        buffer = .allocate(byteCount: BufferedFileSink.capacity, alignment: BufferedFileSink.alignment)
        spare = .allocate(byteCount: BufferedFileSink.capacity, alignment: BufferedFileSink.alignment)
    }

    deinit {
        drain()
        closeDescriptors()
        buffer.deallocate()
        spare.deallocate()
        zip_error_fini(&error)
    }

    func begin() -> Bool {
        do {
            descriptor = try FileDescriptor.open(path: path, .writeOnly, options: [.create, .truncate, .closeOnExec],
                                                 permissions: FilePermissions(rawValue: 0o644))
        } catch {
            return fail(ZIP_ER_OPEN, error)
        }
        directDescriptor = try? FileDescriptor.open(path: path, .writeOnly, options: [.closeOnExec, .direct])
        directFailed = directDescriptor == nil
        count = 0
        bufferStart = 0
        position = 0
        return true
    }

    func write(_ data: UnsafeRawBufferPointer) -> Bool {
        var rest = data
        while !rest.isEmpty {
            if position < bufferStart {
                // Behind the buffer: written already, or being written. An ordinary write,
                // queued after the buffers handed over before it, so nothing waits for the
                // device (whole pages before `bufferStart`, so it never shares a page with
                // a later O_DIRECT write). libzip rewrites every local header after its
                // entry's data: with small files, one header per buffer lands here.
                let piece = UnsafeRawBufferPointer(rebasing: rest.prefix(Int(min(UInt64(rest.count), bufferStart - position))))
                let bytes = [UInt8](piece)
                let offset = position
                queue.async {
                    guard self.asyncError == nil else { return }
                    self.asyncError = bytes.withUnsafeBytes { BufferedFileSink.write($0, at: offset, to: self.descriptor) }
                }
                position += UInt64(piece.count)
                rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(piece.count))
                continue
            }
            let offset = Int(position - bufferStart)
            if offset == BufferedFileSink.capacity {
                guard flushFullBuffer() else { return false }
                continue
            }
            let piece = min(rest.count, BufferedFileSink.capacity - offset)
            (buffer.baseAddress! + offset).copyMemory(from: rest.baseAddress!, byteCount: piece)
            count = max(count, offset + piece)
            position += UInt64(piece)
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(piece))
        }
        return true
    }

    /// Moves the write position; never past the end (libzip leaves no holes).
    func seek(to offset: UInt64) -> Bool {
        guard offset <= end else {
            zip_error_set(&error, ZIP_ER_INVAL, 0)
            return false
        }
        position = offset
        return true
    }

    var tell: UInt64 { position }
    var size: UInt64 { end }

    func commit() -> Bool {
        drain()
        if let asyncError { return fail(ZIP_ER_WRITE, asyncError) }
        // The last, partial buffer: padded to whole pages for O_DIRECT, then cut to size.
        let total = end
        var failure: Errno?
        if !directFailed {
            let padded = (count + BufferedFileSink.alignment - 1) / BufferedFileSink.alignment * BufferedFileSink.alignment
            (buffer.baseAddress! + count).initializeMemory(as: UInt8.self, repeating: 0, count: padded - count)
            failure = BufferedFileSink.write(UnsafeRawBufferPointer(start: buffer.baseAddress, count: padded), at: bufferStart, to: directDescriptor)
            if failure == .invalidArgument {
                directFailed = true
            } else if failure == nil {
                do { try descriptor?.resize(to: Int64(total)) } catch { failure = Errno(error) }
            }
        }
        if directFailed {
            failure = BufferedFileSink.write(UnsafeRawBufferPointer(start: buffer.baseAddress, count: count), at: bufferStart, to: descriptor)
        }
        if failure == nil {
            do { try descriptor?.synchronize() } catch { failure = error }
        }
        if let failure {
            closeDescriptors()
            return fail(ZIP_ER_WRITE, failure)
        }
        if let failure = closeDescriptors() { return fail(ZIP_ER_WRITE, failure) }
        return true
    }

    func rollback() {
        drain()
        closeDescriptors()
        try? Paths.remove(path)
    }

    /// Hands the full buffer to the queue (once the previous one is written) and starts an
    /// empty one at the next offset; reports a failure of an earlier background write.
    private func flushFullBuffer() -> Bool {
        spareFree.wait()
        if let asyncError {
            spareFree.signal()
            return fail(ZIP_ER_WRITE, asyncError)
        }
        swap(&buffer, &spare)
        let start = bufferStart
        bufferStart += UInt64(count)
        count = 0
        queue.async {
            let full = UnsafeRawBufferPointer(self.spare)
            var failure: Errno?
            if !self.directFailed {
                failure = BufferedFileSink.write(full, at: start, to: self.directDescriptor)
                if failure == .invalidArgument { self.directFailed = true }
            }
            if self.directFailed {
                failure = BufferedFileSink.write(full, at: start, to: self.descriptor)
            }
            self.asyncError = failure
            self.spareFree.signal()
        }
        return true
    }

    /// Waits until every buffer and patch handed over is written.
    private func drain() {
        queue.sync {}
    }

    /// Closes both descriptors; the error of the last `close` that failed, if one did.
    @discardableResult
    private func closeDescriptors() -> Errno? {
        var failure: Errno?
        for open in [directDescriptor, descriptor].compactMap(\.self) {
            do { try open.close() } catch { failure = Errno(error) }
        }
        directDescriptor = nil
        descriptor = nil
        return failure
    }

    /// Writes all of `data` at `offset`; the error, if it fails (`EBADF` when `descriptor`
    /// is not open).
    private static func write(_ data: UnsafeRawBufferPointer, at offset: UInt64, to descriptor: FileDescriptor?) -> Errno? {
        guard let descriptor else { return .badFileDescriptor }
        do { try descriptor.writeAll(toAbsoluteOffset: Int64(offset), data) } catch { return Errno(error) }
        return nil
    }

    /// Sets libzip's error: `code`, with the system's error number.
    private func fail(_ code: Int32, _ failure: Errno) -> Bool {
        zip_error_set(&error, code, failure.rawValue)
        return false
    }
}

/// libzip's callback for the archive's own source.
func sinkCallback(_ userData: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?,
                  _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
    guard let userData else { return -1 }
    let sink = Unmanaged<BufferedFileSink>.fromOpaque(userData).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_SUPPORTS:
        return cp_zip_source_supports_writable()
    case ZIP_SOURCE_STAT:
        // A new archive: there is nothing to read yet (libzip recognises ZIP_ER_READ + ENOENT).
        zip_error_set(&sink.error, ZIP_ER_READ, Errno.noSuchFileOrDirectory.rawValue)
        return -1
    case ZIP_SOURCE_BEGIN_WRITE:
        return sink.begin() ? 0 : -1
    case ZIP_SOURCE_WRITE:
        guard let data else { return -1 }
        return sink.write(UnsafeRawBufferPointer(start: data, count: Int(length))) ? zip_int64_t(length) : -1
    case ZIP_SOURCE_SEEK_WRITE:
        guard let data, length >= MemoryLayout<zip_source_args_seek_t>.size else { return -1 }
        let arguments = data.assumingMemoryBound(to: zip_source_args_seek_t.self).pointee
        let base: Int64 = switch arguments.whence {
        case FileDescriptor.SeekOrigin.current.rawValue: Int64(sink.tell)
        case FileDescriptor.SeekOrigin.end.rawValue: Int64(sink.size)
        default: 0
        }
        let target = base + arguments.offset
        guard target >= 0 else {
            zip_error_set(&sink.error, ZIP_ER_INVAL, 0)
            return -1
        }
        return sink.seek(to: UInt64(target)) ? 0 : -1
    case ZIP_SOURCE_TELL_WRITE:
        return zip_int64_t(sink.tell)
    case ZIP_SOURCE_COMMIT_WRITE:
        return sink.commit() ? 0 : -1
    case ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_REMOVE:
        sink.rollback()
        return 0
    case ZIP_SOURCE_ERROR:
        guard let data else { return -1 }
        return zip_error_to_data(&sink.error, data, length)
    case ZIP_SOURCE_FREE:
        Unmanaged<BufferedFileSink>.fromOpaque(userData).release()
        return 0
    case ZIP_SOURCE_OPEN, ZIP_SOURCE_CLOSE:
        return 0
    case ZIP_SOURCE_READ:
        return 0
    case ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL:
        return 0
    default:
        zip_error_set(&sink.error, ZIP_ER_OPNOTSUPP, 0)
        return -1
    }
}

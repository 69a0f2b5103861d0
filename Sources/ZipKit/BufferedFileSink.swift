internal import CLibZip
internal import Dispatch
internal import Foundation

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
/// writes only; tmpfs accepts the flag and copies as usual.
///
/// `@unchecked Sendable`: the queue touches only `spare`, `asyncError` and `directFailed`
/// (and reads `descriptor`, set before the first write and closed after the last), and the
/// caller reads them only after `spareFree.wait()` or `drain()`: after the queue is done.
final class BufferedFileSink: @unchecked Sendable {
    let path: String
    /// Ordinary writes: patches behind the buffer, and everything when `O_DIRECT` is refused.
    private var descriptor: Int32 = -1
    /// `O_DIRECT` writes of whole buffers, or -1.
    private var directDescriptor: Int32 = -1
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
    /// The `errno` of a failed background write.
    private var asyncError: Int32 = 0
    /// Set when an `O_DIRECT` write was refused: the rest goes through `descriptor`.
    private var directFailed = false

    static let capacity = 1 << 20
    /// The file offset, length and memory alignment `O_DIRECT` needs: the page size, a
    /// multiple of every logical block size in use.
    static let alignment = 4096
    /// `O_DIRECT`, which Glibc's Swift module exports only under its internal name.
    private static let directFlag = __O_DIRECT

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
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return fail(ZIP_ER_OPEN) }
        directDescriptor = open(path, O_WRONLY | O_CLOEXEC | BufferedFileSink.directFlag)
        directFailed = directDescriptor < 0
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
                    guard self.asyncError == 0 else { return }
                    let written = bytes.withUnsafeBytes { BufferedFileSink.pwriteAll(self.descriptor, $0, at: offset) }
                    if !written { self.asyncError = errno == 0 ? EIO : errno }
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
        guard asyncError == 0 else { return failAsync() }
        // The last, partial buffer: padded to whole pages for O_DIRECT, then cut to size.
        let total = end
        var written: Bool
        if !directFailed {
            let padded = (count + BufferedFileSink.alignment - 1) / BufferedFileSink.alignment * BufferedFileSink.alignment
            (buffer.baseAddress! + count).initializeMemory(as: UInt8.self, repeating: 0, count: padded - count)
            written = BufferedFileSink.pwriteAll(directDescriptor, UnsafeRawBufferPointer(start: buffer.baseAddress, count: padded), at: bufferStart)
            if !written && errno == EINVAL {
                directFailed = true
            } else if written {
                written = ftruncate(descriptor, off_t(total)) == 0
            }
        } else {
            written = false
        }
        if directFailed {
            written = BufferedFileSink.pwriteAll(descriptor, UnsafeRawBufferPointer(start: buffer.baseAddress, count: count), at: bufferStart)
        }
        guard written, fsync(descriptor) == 0 else {
            closeDescriptors()
            return fail(ZIP_ER_WRITE)
        }
        let closed = closeDescriptors()
        guard closed else { return fail(ZIP_ER_WRITE) }
        return true
    }

    func rollback() {
        drain()
        closeDescriptors()
        unlink(path)
    }

    /// Hands the full buffer to the queue (once the previous one is written) and starts an
    /// empty one at the next offset; reports a failure of an earlier background write.
    private func flushFullBuffer() -> Bool {
        spareFree.wait()
        guard asyncError == 0 else {
            spareFree.signal()
            return failAsync()
        }
        swap(&buffer, &spare)
        let start = bufferStart
        bufferStart += UInt64(count)
        count = 0
        queue.async {
            let full = UnsafeRawBufferPointer(self.spare)
            var written = false
            if !self.directFailed {
                written = BufferedFileSink.pwriteAll(self.directDescriptor, full, at: start)
                if !written && errno == EINVAL { self.directFailed = true }
            }
            if self.directFailed {
                written = BufferedFileSink.pwriteAll(self.descriptor, full, at: start)
            }
            if !written { self.asyncError = errno == 0 ? EIO : errno }
            self.spareFree.signal()
        }
        return true
    }

    /// Waits until every buffer and patch handed over is written.
    private func drain() {
        queue.sync {}
    }

    @discardableResult
    private func closeDescriptors() -> Bool {
        var closed = true
        if directDescriptor >= 0 { closed = close(directDescriptor) == 0 && closed }
        if descriptor >= 0 { closed = close(descriptor) == 0 && closed }
        directDescriptor = -1
        descriptor = -1
        return closed
    }

    private static func pwriteAll(_ descriptor: Int32, _ data: UnsafeRawBufferPointer, at offset: UInt64) -> Bool {
        var done = 0
        while done < data.count {
            let count = pwrite(descriptor, data.baseAddress! + done, data.count - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    private func failAsync() -> Bool {
        errno = asyncError
        return fail(ZIP_ER_WRITE)
    }

    private func fail(_ code: Int32) -> Bool {
        zip_error_set(&error, code, errno)
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
        zip_error_set(&sink.error, ZIP_ER_READ, ENOENT)
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
        case SEEK_CUR: Int64(sink.tell)
        case SEEK_END: Int64(sink.size)
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

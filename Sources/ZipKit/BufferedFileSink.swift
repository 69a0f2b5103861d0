internal import CLibZip
internal import Dispatch
internal import Foundation

/// The file libzip writes a new archive into, through a write source with a 4 MiB buffer:
/// libzip's own file source writes through stdio in 4 KiB calls, which costs a system call
/// per 4 KiB. Seeks back into the buffer (libzip rewrites each local header after its
/// data) cost none. A full buffer is written by a serial queue while the next one fills,
/// so that writing overlaps reading, hashing and compressing; writes keep their order.
///
/// `@unchecked Sendable`: the queue touches only `spare` and `asyncError`, and only between
/// `spareFree.wait()` on the caller's side and its own `spareFree.signal()`.
final class BufferedFileSink: @unchecked Sendable {
    let path: String
    private var descriptor: Int32 = -1
    /// The buffered bytes, which belong at `bufferStart` in the file.
    private var buffer: [UInt8] = []
    private var bufferStart: UInt64 = 0
    /// Where the next write goes.
    private var position: UInt64 = 0
    /// The end of everything written so far.
    private var end: UInt64 = 0
    var error = zip_error_t()
    /// The buffer being written by the queue, then free to take the next bytes.
    private var spare: [UInt8] = []
    private let spareFree = DispatchSemaphore(value: 1)
    private let queue = DispatchQueue(label: "claimpack.zip-writer")
    /// The `errno` of a failed background write.
    private var asyncError: Int32 = 0

    static let capacity = 4 << 20

    init(path: String) {
        self.path = path
        zip_error_init(&error)
        buffer.reserveCapacity(BufferedFileSink.capacity)
        spare.reserveCapacity(BufferedFileSink.capacity)
    }

    deinit {
        drain()
        if descriptor >= 0 { close(descriptor) }
        zip_error_fini(&error)
    }

    func begin() -> Bool {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return fail(ZIP_ER_OPEN) }
        buffer.removeAll(keepingCapacity: true)
        bufferStart = 0
        position = 0
        end = 0
        return true
    }

    func write(_ data: UnsafeRawBufferPointer) -> Bool {
        // A write outside the buffer (or one that would overflow it) flushes it first.
        if position < bufferStart || position > bufferStart + UInt64(buffer.count)
            || Int(position - bufferStart) + data.count > BufferedFileSink.capacity {
            guard flush() else { return false }
            bufferStart = position
        }
        if data.count >= BufferedFileSink.capacity {
            drain()
            guard asyncError == 0, pwriteAll(data, at: position) else { return fail(ZIP_ER_WRITE) }
            position += UInt64(data.count)
            bufferStart = position
        } else {
            let offset = Int(position - bufferStart)
            let overlap = min(data.count, buffer.count - offset)
            if overlap > 0 {
                buffer.withUnsafeMutableBytes { target in
                    target.baseAddress!.advanced(by: offset).copyMemory(from: data.baseAddress!, byteCount: overlap)
                }
            }
            if overlap < data.count { buffer.append(contentsOf: data[overlap...]) }
            position += UInt64(data.count)
        }
        end = max(end, position)
        return true
    }

    func seek(to offset: UInt64) {
        position = offset
    }

    var tell: UInt64 { position }

    func commit() -> Bool {
        guard flush() else { return false }
        drain()
        guard asyncError == 0 else {
            errno = asyncError
            return fail(ZIP_ER_WRITE)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            descriptor = -1
            return fail(ZIP_ER_WRITE)
        }
        descriptor = -1
        return true
    }

    func rollback() {
        drain()
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(path)
    }

    /// Hands the buffer to the queue (once the previous one is written) and starts an
    /// empty one; reports a failure of an earlier background write.
    private func flush() -> Bool {
        guard !buffer.isEmpty else { return asyncError == 0 ? true : fail(ZIP_ER_WRITE) }
        spareFree.wait()
        guard asyncError == 0 else {
            spareFree.signal()
            errno = asyncError
            return fail(ZIP_ER_WRITE)
        }
        swap(&buffer, &spare)
        buffer.removeAll(keepingCapacity: true)
        let start = bufferStart
        queue.async {
            let written = self.spare.withUnsafeBytes { self.pwriteAll($0, at: start) }
            if !written { self.asyncError = errno == 0 ? EIO : errno }
            self.spareFree.signal()
        }
        return true
    }

    /// Waits until every buffer handed over is written.
    private func drain() {
        spareFree.wait()
        spareFree.signal()
    }

    private func pwriteAll(_ data: UnsafeRawBufferPointer, at offset: UInt64) -> Bool {
        var done = 0
        while done < data.count {
            let count = pwrite(descriptor, data.baseAddress! + done, data.count - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
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
        case SEEK_END: Int64(sink.tell)
        default: 0
        }
        let target = base + arguments.offset
        guard target >= 0 else {
            zip_error_set(&sink.error, ZIP_ER_INVAL, 0)
            return -1
        }
        sink.seek(to: UInt64(target))
        return 0
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

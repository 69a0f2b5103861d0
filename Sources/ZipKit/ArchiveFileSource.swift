internal import CLibZip
internal import FileIO
internal import SystemPackage

/// The archive file under `ZipArchiveReader`, as a libzip source read with `pread(2)`
/// (swift-system's `read(fromAbsoluteOffset:into:)`).
///
/// libzip's own file source reads through stdio: every entry costs three `lseek`s and a
/// 4 KiB read that the stdio buffer throws away at the next seek. Here a seek only moves
/// an offset, and reads go straight into libzip's buffer, except short ones (headers),
/// which are served from one 4 KiB block so that a local header and the start of its data
/// cost one system call.
final class ArchiveFileSource {
    private let descriptor: FileDescriptor
    /// The file's size when it was opened; reads stop there.
    let size: UInt64
    private var offset: UInt64 = 0
    private let block = UnsafeMutableRawBufferPointer.allocate(byteCount: ArchiveFileSource.blockSize, alignment: 64)
    private var blockStart: UInt64 = 0
    private var blockCount = 0
    var error = zip_error_t()

    static let blockSize = 4096

    /// Opens `path` read-only.
    init(path: String) throws(ZipArchiveReader.Failure) {
        do { descriptor = try FileDescriptor.open(path: path, .readOnly, options: [.closeOnExec]) } catch {
            throw .unreadable(reason: error.description)
        }
        do { size = UInt64(max(try descriptor.stat().size, 0)) } catch {
            try? descriptor.close()
            throw .unreadable(reason: error.description)
        }
        zip_error_init(&error)
    }

    deinit {
        try? descriptor.close()
        block.deallocate()
        zip_error_fini(&error)
    }

    /// Fills `buffer` from the current offset; the count read, 0 at the end, -1 on error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var filled = 0
        // What the block already holds.
        if offset >= blockStart, offset < blockStart + UInt64(blockCount) {
            let start = Int(offset - blockStart)
            let count = min(blockCount - start, buffer.count)
            buffer.baseAddress!.copyMemory(from: block.baseAddress! + start, byteCount: count)
            filled = count
            offset += UInt64(count)
        }
        let wanted = min(UInt64(buffer.count - filled), size &- min(offset, size))
        guard wanted > 0 else { return filled }
        if wanted < UInt64(ArchiveFileSource.blockSize) {
            guard let count = readFully(into: block, at: offset) else { return -1 }
            blockStart = offset
            blockCount = count
            let served = min(count, Int(wanted))
            (buffer.baseAddress! + filled).copyMemory(from: block.baseAddress!, byteCount: served)
            offset += UInt64(served)
            return filled + served
        }
        let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + Int(wanted))])
        guard let count = readFully(into: rest, at: offset) else { return -1 }
        offset += UInt64(count)
        return filled + count
    }

    /// Moves the offset as libzip asks (`zip_source_args_seek_t`).
    func seek(_ arguments: UnsafeMutableRawPointer, length: zip_uint64_t) -> Bool {
        let target = zip_source_seek_compute_offset(offset, size, arguments, length, &error)
        guard target >= 0 else { return false }
        offset = UInt64(target)
        return true
    }

    var position: UInt64 { offset }

    /// Reads until `buffer` is full or the file ends; `nil`, with the error set, on failure.
    private func readFully(into buffer: UnsafeMutableRawBufferPointer, at start: UInt64) -> Int? {
        do { return try descriptor.read(filling: buffer, fromAbsoluteOffset: Int64(start)) } catch {
            zip_error_set(&self.error, ZIP_ER_READ, error.rawValue)
            return nil
        }
    }
}

/// libzip's callback for `ArchiveFileSource`: a seekable, read-only source.
func archiveSourceCallback(_ userData: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?,
                           _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
    guard let userData else { return -1 }
    let source = Unmanaged<ArchiveFileSource>.fromOpaque(userData).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_SUPPORTS:
        return cp_zip_source_supports_seekable()
    case ZIP_SOURCE_OPEN, ZIP_SOURCE_CLOSE:
        return 0
    case ZIP_SOURCE_READ:
        guard let data else { return 0 }
        let count = source.read(into: UnsafeMutableRawBufferPointer(start: data, count: Int(min(length, UInt64(Int.max)))))
        return zip_int64_t(count)
    case ZIP_SOURCE_SEEK:
        guard let data else { return -1 }
        return source.seek(data, length: length) ? 0 : -1
    case ZIP_SOURCE_TELL:
        return zip_int64_t(source.position)
    case ZIP_SOURCE_STAT:
        guard let data, length >= MemoryLayout<zip_stat_t>.size else { return -1 }
        return writeSizeStat(source.size, into: data)
    case ZIP_SOURCE_ERROR:
        guard let data else { return -1 }
        return zip_error_to_data(&source.error, data, length)
    case ZIP_SOURCE_FREE:
        Unmanaged<ArchiveFileSource>.fromOpaque(userData).release()
        return 0
    default:
        zip_error_set(&source.error, ZIP_ER_OPNOTSUPP, 0)
        return -1
    }
}

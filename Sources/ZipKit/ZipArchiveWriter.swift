internal import CLibZip

/// Writes a new ZIP archive with libzip. Entries are written in the order they are added,
/// when `close()` is called; each entry's content is pulled then, once, front to back.
///
/// The archive gets no time-zone- or host-dependent field: every entry has the DOS
/// timestamp given, Unix permissions `0644` and UTF-8 names.
public final class ZipArchiveWriter {
    private var archive: OpaquePointer?
    private let path: String
    /// The sources of the entries added, to report a content's own failure (its entry's
    /// name is asked of libzip then, not kept: a folder of many files costs less).
    private var sources: [SourceBox] = []

    /// Starts an archive written to `path` (created or truncated) when it is closed,
    /// through 1 MiB write buffers (`BufferedFileSink`). After a failure the file is removed.
    public init(creatingAt path: String) throws(ZipError) {
        self.path = path
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let sink = Unmanaged.passRetained(BufferedFileSink(path: path)).toOpaque()
        guard let source = zip_source_function_create(sinkCallback, sink, &error) else {
            Unmanaged<BufferedFileSink>.fromOpaque(sink).release()
            throw .cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
            zip_source_free(source)
            throw .cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        self.archive = archive
    }

    deinit {
        if let archive { zip_discard(archive) }
    }

    /// Adds an entry whose bytes `content` produces when the archive is written.
    public func add(_ name: String, content: any ZipEntryContent, compression: ZipCompression,
                    timestamp: DOSTimestamp) throws(ZipError) {
        guard let archive else { throw .cannotAdd(entry: name, reason: "the archive is closed") }
        let box = SourceBox(content: content, archive: archive)
        let userData = Unmanaged.passRetained(box).toOpaque()
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_function_create(sourceCallback, userData, &error) else {
            Unmanaged<SourceBox>.fromOpaque(userData).release()
            throw .cannotAdd(entry: name, reason: String(cString: zip_error_strerror(&error)))
        }
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw .cannotAdd(entry: name, reason: lastError())
        }
        let entry = zip_uint64_t(index)
        box.entry = entry
        guard setCompression(compression, of: entry, in: archive),
              zip_file_set_dostime(archive, entry, timestamp.time, timestamp.date, 0) == 0,
              zip_file_set_external_attributes(archive, entry, 0, UInt8(ZIP_OPSYS_UNIX), ZipCanonicalForm.externalAttributes) == 0
        else { throw .cannotAdd(entry: name, reason: lastError()) }
        sources.append(box)
    }

    /// Adds entry `index` of `reader`'s archive as it is stored there: its compressed bytes
    /// are copied unchanged (never inflated nor deflated again), with the same method, CRC-32
    /// and sizes; the headers are written anew with `timestamp` and `attributes`.
    ///
    /// `reader` must stay open until this archive is closed. A stored entry's CRC-32 is
    /// computed again as it is copied (libzip does), a deflated one's is taken as stored.
    /// - Parameters:
    ///   - method: the entry's method as stored: 0 (store) or 8 (deflate).
    ///   - attributes: the external attributes, with the system that made them (3: Unix).
    public func addCopy(_ name: String, of index: Int, in reader: ZipArchiveReader, method: UInt16,
                        timestamp: DOSTimestamp, attributes: (system: UInt8, value: UInt32)) throws(ZipError) {
        guard let archive else { throw .cannotAdd(entry: name, reason: "the archive is closed") }
        guard method == 0 || method == 8 else { throw .cannotAdd(entry: name, reason: "compression method \(method) is not copied") }
        // Offset 0 and length -1 select the whole entry, which libzip then reads raw.
        guard let source = zip_source_zip(archive, reader.archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_COMPRESSED), 0, -1) else {
            throw .cannotAdd(entry: name, reason: lastError())
        }
        let added = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard added >= 0 else {
            zip_source_free(source)
            throw .cannotAdd(entry: name, reason: lastError())
        }
        let entry = zip_uint64_t(added)
        // The same method as the source's: libzip then neither inflates nor deflates.
        guard zip_set_file_compression(archive, entry, method == 8 ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0,
              zip_file_set_dostime(archive, entry, timestamp.time, timestamp.date, 0) == 0,
              zip_file_set_external_attributes(archive, entry, 0, attributes.system, attributes.value) == 0
        else { throw .cannotAdd(entry: name, reason: lastError()) }
    }

    /// Adds an entry from bytes in memory.
    public func add(_ name: String, bytes: [UInt8], compression: ZipCompression, timestamp: DOSTimestamp) throws(ZipError) {
        try add(name, content: ZipBufferContent(bytes), compression: compression, timestamp: timestamp)
    }

    /// Writes every entry and the central directory, and flushes the file to the device
    /// (`fsync`) before it returns.
    ///
    /// - Throws: `.contentFailed` with the content's own error when an entry's content
    ///   failed, `.cannotWrite` otherwise. Nothing is left at `path` after a failure.
    public func close() throws(ZipError) {
        guard let archive else { return }
        if zip_close(archive) == 0 {
            self.archive = nil
            return
        }
        let reason = lastError()
        let failed = sources.first { $0.failure != nil }
        let entry = failed.flatMap { zip_get_name(archive, $0.entry, zip_flags_t(ZIP_FL_ENC_RAW)) }.map { String(cString: $0) } ?? ""
        zip_discard(archive)
        self.archive = nil
        if let failure = failed?.failure {
            throw .contentFailed(entry: entry, underlying: failure)
        }
        throw .cannotWrite(path: path, reason: reason)
    }

    /// Abandons the archive: nothing is written.
    public func discard() {
        if let archive { zip_discard(archive) }
        archive = nil
    }

    private func lastError() -> String {
        guard let archive else { return "archive closed" }
        return String(cString: zip_error_strerror(zip_get_error(archive)))
    }
}

/// Sets an entry's method and level; false when libzip refuses.
private func setCompression(_ compression: ZipCompression, of entry: zip_uint64_t, in archive: OpaquePointer) -> Bool {
    let (method, level): (Int32, UInt32) = switch compression {
    case .store: (ZIP_CM_STORE, 0)
    case .deflate(let level): (ZIP_CM_DEFLATE, UInt32(level))
    }
    return zip_set_file_compression(archive, entry, method, level) == 0
}

/// The state libzip's callback reaches through its user-data pointer.
private final class SourceBox {
    let content: any ZipEntryContent
    /// The archive and the entry's index in it, to set the compression the content
    /// chooses when libzip reaches it.
    let archive: OpaquePointer
    var entry: zip_uint64_t = 0
    var compressionChosen = false
    var error = zip_error_t()
    /// The content's own error, kept to report it better than libzip's code can.
    var failure: (any Error)?

    init(content: any ZipEntryContent, archive: OpaquePointer) {
        self.content = content
        self.archive = archive
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    func fail(_ error: any Error) -> zip_int64_t {
        failure = error
        zip_error_set(&self.error, ZIP_ER_READ, 0)
        return -1
    }
}

/// libzip's source callback: a READABLE-only source, so that libzip reads it exactly once.
private func sourceCallback(_ userData: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?,
                            _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
    guard let userData else { return -1 }
    let box = Unmanaged<SourceBox>.fromOpaque(userData).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_SUPPORTS:
        return cp_zip_source_supports_readable()
    case ZIP_SOURCE_STAT:
        guard let data, length >= MemoryLayout<zip_stat_t>.size else { return -1 }
        do {
            let size = try box.content.prepare()
            // libzip 1.7 asks for the source's stat in `zip_close` just before it reads
            // the entry's method from its directory entry (add_data in zip_close.c): a
            // method set now is the one the entry is written with.
            if !box.compressionChosen {
                box.compressionChosen = true
                if let chosen = box.content.chosenCompression, !setCompression(chosen, of: box.entry, in: box.archive) {
                    zip_error_set(&box.error, ZIP_ER_INTERNAL, 0)
                    return -1
                }
            }
            return writeSizeStat(size, into: data)
        } catch {
            return box.fail(error)
        }
    case ZIP_SOURCE_OPEN:
        do { try box.content.open() } catch { return box.fail(error) }
        return 0
    case ZIP_SOURCE_READ:
        guard let data else { return -1 }
        do {
            return zip_int64_t(try box.content.read(into: UnsafeMutableRawBufferPointer(start: data, count: Int(length))))
        } catch {
            return box.fail(error)
        }
    case ZIP_SOURCE_CLOSE:
        box.content.close()
        return 0
    case ZIP_SOURCE_ERROR:
        guard let data else { return -1 }
        return zip_error_to_data(&box.error, data, length)
    case ZIP_SOURCE_FREE:
        Unmanaged<SourceBox>.fromOpaque(userData).release()
        return 0
    default:
        zip_error_set(&box.error, ZIP_ER_OPNOTSUPP, 0)
        return -1
    }
}

/// Answers libzip's `ZIP_SOURCE_STAT` for a source that knows only its size: fills the
/// `zip_stat_t` at `data` (which libzip sized for it) and returns its length.
func writeSizeStat(_ size: UInt64, into data: UnsafeMutableRawPointer) -> zip_int64_t {
    let stat = data.assumingMemoryBound(to: zip_stat_t.self)
    zip_stat_init(stat)
    stat.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE)
    stat.pointee.size = size
    return zip_int64_t(MemoryLayout<zip_stat_t>.size)
}

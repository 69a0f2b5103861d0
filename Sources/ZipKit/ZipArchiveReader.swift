internal import CLibZip

/// Reads an existing ZIP archive with libzip, entry by entry, without extracting anything
/// to disk. Opened with libzip's strict consistency checks.
public final class ZipArchiveReader {
    /// libzip's handle; `ZipArchiveWriter.addCopy` reads raw entries through it.
    let archive: OpaquePointer
    public let path: String

    /// Why libzip refused the archive or an entry.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file is not a ZIP archive.
        case notAZip(reason: String)
        /// The archive's records contradict each other.
        case inconsistent(reason: String)
        /// The file cannot be read.
        case unreadable(reason: String)
        /// An entry's data does not match its CRC-32.
        case crcMismatch
        /// An entry is encrypted.
        case encrypted
        /// An entry uses a compression method libzip cannot read.
        case unsupportedMethod
        /// An entry's data is damaged (inflate failed, or it ends early).
        case damaged(reason: String)

        public var description: String {
            switch self {
            case .notAZip(let reason), .inconsistent(let reason), .unreadable(let reason), .damaged(let reason): reason
            case .crcMismatch: "the data does not match its CRC-32"
            case .encrypted: "the entry is encrypted"
            case .unsupportedMethod: "the compression method is not supported"
            }
        }

        static func from(code: Int32, _ message: String) -> Failure {
            switch code {
            case ZIP_ER_NOZIP: .notAZip(reason: message)
            case ZIP_ER_INCONS: .inconsistent(reason: message)
            case ZIP_ER_CRC: .crcMismatch
            case ZIP_ER_ENCRNOTSUPP, ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD: .encrypted
            case ZIP_ER_COMPNOTSUPP: .unsupportedMethod
            case ZIP_ER_READ, ZIP_ER_OPEN, ZIP_ER_SEEK: .unreadable(reason: message)
            default: .damaged(reason: message)
            }
        }
    }

    /// Opens `path` read-only, with libzip's consistency checks. The file is read with
    /// `pread(2)` (`ArchiveFileSource`), not through stdio.
    public init(path: String) throws(Failure) {
        self.path = path
        let file = try ArchiveFileSource(path: path)
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let userData = Unmanaged.passRetained(file).toOpaque()
        guard let source = zip_source_function_create(archiveSourceCallback, userData, &error) else {
            Unmanaged<ArchiveFileSource>.fromOpaque(userData).release()
            throw Failure.from(code: zip_error_code_zip(&error), String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            throw Failure.from(code: zip_error_code_zip(&error), String(cString: zip_error_strerror(&error)))
        }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// The number of entries.
    public var count: Int { Int(zip_get_num_entries(archive, 0)) }

    /// Opens entry `index` for reading its uncompressed bytes.
    ///
    /// A stored entry is read through libzip, which checks its CRC-32. A deflated entry's
    /// compressed bytes are read through libzip and inflated strictly (`StrictInflater`).
    /// - Parameter deflated: whether the entry's method is deflate; `expectedCRC` its CRC-32.
    public func open(entry index: Int, deflated: Bool, expectedCRC: UInt32) throws(Failure) -> ZipEntryReader {
        let flags = deflated ? zip_flags_t(ZIP_FL_COMPRESSED) : 0
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), flags) else {
            let error = zip_get_error(archive)
            throw Failure.from(code: zip_error_code_zip(error), String(cString: zip_error_strerror(error)))
        }
        var inflater: StrictInflater?
        if deflated {
            do { inflater = try StrictInflater() } catch { zip_fclose(file); throw .damaged(reason: "zlib cannot start") }
        }
        return ZipEntryReader(file: file, inflater: inflater, expectedCRC: expectedCRC)
    }
}

/// The uncompressed bytes of one entry, read front to back, checked against the CRC-32
/// when the end is reached.
public final class ZipEntryReader {
    private var file: OpaquePointer?
    private let inflater: StrictInflater?
    private let expectedCRC: UInt32
    private var input: UnsafeMutableRawBufferPointer
    private var pending = UnsafeRawBufferPointer(start: nil, count: 0)
    private var inputEnded = false

    init(file: OpaquePointer, inflater: StrictInflater?, expectedCRC: UInt32) {
        self.file = file
        self.inflater = inflater
        self.expectedCRC = expectedCRC
        input = inflater == nil ? UnsafeMutableRawBufferPointer(start: nil, count: 0)
            : UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    }

    deinit {
        if let file { zip_fclose(file) }
        if input.baseAddress != nil { input.deallocate() }
    }

    /// Fills the start of `buffer`; returns the count read, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ZipArchiveReader.Failure) -> Int {
        guard let inflater else { return try readRaw(into: buffer) }
        while true {
            if inflater.finished {
                // The stream ended: nothing may follow it, and the output must match the CRC.
                let trailing = inputEnded ? 0 : try readRaw(into: input)
                if !pending.isEmpty || trailing > 0 {
                    throw .damaged(reason: "bytes follow the end of the deflate stream")
                }
                if inflater.checksum != expectedCRC { throw .crcMismatch }
                return 0
            }
            if pending.isEmpty, !inputEnded {
                let count = try readRaw(into: input)
                if count == 0 { inputEnded = true }
                pending = UnsafeRawBufferPointer(rebasing: input[..<count])
            }
            let produced: Int
            do {
                produced = try inflater.inflate(&pending, into: buffer)
            } catch {
                switch error {
                case .crcMismatch: throw .crcMismatch
                case .damaged(let reason): throw .damaged(reason: reason)
                }
            }
            if produced > 0 { return produced }
            if !inflater.finished, pending.isEmpty, inputEnded {
                throw .damaged(reason: "the deflate stream ends early (its final block is missing)")
            }
        }
    }

    private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws(ZipArchiveReader.Failure) -> Int {
        guard let file, let base = buffer.baseAddress else { return 0 }
        let count = zip_fread(file, base, zip_uint64_t(buffer.count))
        if count < 0 {
            let error = zip_file_get_error(file)
            throw ZipArchiveReader.Failure.from(code: zip_error_code_zip(error), String(cString: zip_error_strerror(error)))
        }
        return Int(count)
    }
}

internal import CLibZip

/// Reads an existing ZIP archive with libzip, entry by entry, without extracting anything
/// to disk. Opened with libzip's strict consistency checks.
public final class ZipArchiveReader {
    private let archive: OpaquePointer
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

    /// Opens `path` read-only, with libzip's consistency checks.
    public init(path: String) throws(Failure) {
        self.path = path
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw Failure.from(code: code, String(cString: zip_error_strerror(&error)))
        }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// The number of entries.
    public var count: Int { Int(zip_get_num_entries(archive, 0)) }

    /// Opens entry `index` for reading its uncompressed bytes.
    public func open(entry index: Int) throws(Failure) -> ZipEntryReader {
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            let error = zip_get_error(archive)
            throw Failure.from(code: zip_error_code_zip(error), String(cString: zip_error_strerror(error)))
        }
        return ZipEntryReader(file: file)
    }
}

/// The uncompressed bytes of one entry, read front to back. libzip checks the CRC-32
/// when the end is reached.
public final class ZipEntryReader {
    private var file: OpaquePointer?

    init(file: OpaquePointer) {
        self.file = file
    }

    deinit { if let file { zip_fclose(file) } }

    /// Fills the start of `buffer`; returns the count read, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ZipArchiveReader.Failure) -> Int {
        guard let file, let base = buffer.baseAddress else { return 0 }
        let count = zip_fread(file, base, zip_uint64_t(buffer.count))
        if count < 0 {
            let error = zip_file_get_error(file)
            throw ZipArchiveReader.Failure.from(code: zip_error_code_zip(error), String(cString: zip_error_strerror(error)))
        }
        return Int(count)
    }
}

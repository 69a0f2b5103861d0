internal import FileIO
internal import SystemPackage

/// The structure of a ZIP file as its bytes lay it out: the end records, the central
/// directory and each entry's local header, read with bounds checks and nothing else.
///
/// libzip reads and inflates the data; this scan answers what libzip does not tell:
/// where each entry lies, and whether bytes sit before the first entry, between entries,
/// after the end record, or in two entries at once (overlap, as some bombs do).
public struct ZipLayout: Sendable {
    /// One central-directory record with the local header it points to.
    public struct Entry: Sendable, Hashable {
        /// The position in the central directory, from 0 (libzip's index).
        public let index: Int
        /// The name's bytes as stored.
        public let rawName: [UInt8]
        public let flags: UInt16
        public let method: UInt16
        public let crc: UInt32
        public let compressedSize: UInt64
        public let uncompressedSize: UInt64
        public let localHeaderOffset: UInt64
        /// The high byte of "version made by": 3 for Unix.
        public var madeBy: UInt8 { UInt8(central.versionMadeBy >> 8) }
        public let externalAttributes: UInt32
        /// Where the local header and its data end (data descriptor included), when the
        /// local header could be read.
        public let end: UInt64?
        /// Every field of the central-directory record, as stored.
        public let central: HeaderFields
        /// Every field of the local header, as stored, when it could be read.
        public let local: HeaderFields?

        /// Whether general-purpose bit 0 (encryption) is set.
        public var isEncrypted: Bool { flags & 0x0001 != 0 }
        /// Whether bit 11 says the name is UTF-8.
        public var hasUTF8Flag: Bool { flags & 0x0800 != 0 }
        /// The Unix file type bits (`S_IFMT`) when the entry was made on Unix.
        public var unixFileType: UInt32? { madeBy == 3 ? (externalAttributes >> 16) & 0o170000 : nil }
        /// What the entry is: a file, a folder, a link or a special file.
        public var type: ZipEntryType { ZipEntryType(rawName: rawName, unixFileType: unixFileType) }
        /// The compression method, `nil` when it is neither store nor deflate.
        public var compressionMethod: ZipCompressionMethod? { ZipCompressionMethod(rawValue: method) }
        /// Whether the entry is deflated.
        public var isDeflated: Bool { method == ZipCompressionMethod.deflate.rawValue }
    }

    /// The fields of a local header or central-directory record, exactly as stored (the
    /// sizes as their 32-bit fields, before any Zip64 extension), so that a strict reader
    /// can compare the two copies and hold them to a canonical form.
    public struct HeaderFields: Sendable, Hashable {
        public var versionMadeBy: UInt16 = 0
        public var versionNeeded: UInt16
        public var flags: UInt16
        public var method: UInt16
        public var time: UInt16
        public var date: UInt16
        public var crc: UInt32
        public var compressedSize32: UInt32
        public var uncompressedSize32: UInt32
        public var extra: [UInt8]
        public var commentLength: UInt16 = 0
        public var diskStart: UInt16 = 0
        public var internalAttributes: UInt16 = 0
    }

    /// The end-of-central-directory record's own counts, as stored.
    public struct EndRecord: Sendable, Hashable {
        public let entriesOnThisDisk: UInt64
        public let entriesTotal: UInt64
        /// The central directory's size as declared, and as its records actually took.
        public let declaredDirectorySize: UInt64
        public let parsedDirectorySize: UInt64
        /// Whether Zip64 end records are present.
        public let isZip64: Bool
    }

    /// Something about the structure that a reader should know, with where it is.
    public enum Anomaly: Sendable, Hashable {
        /// Bytes before the first local header.
        case dataBeforeFirstEntry(bytes: UInt64)
        /// Bytes after the end-of-central-directory record and its comment.
        case trailingData(bytes: UInt64)
        /// Bytes between entries, or between the last entry and the central directory.
        case unaccountedBytes(offset: UInt64, bytes: UInt64)
        /// Two entries whose bytes overlap.
        case overlap(first: Int, second: Int)
        /// An entry whose local header is missing, unreadable or disagrees with the central directory.
        case badLocalHeader(index: Int, reason: String)
    }

    public let fileSize: UInt64
    public let entries: [Entry]
    public let endRecord: EndRecord
    public let anomalies: [Anomaly]
    /// The archive comment's length.
    public let commentLength: Int

    /// Why a file is not a ZIP archive that can be read at all.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case cannotRead(reason: String)
        case empty
        case noEndRecord
        case truncated(reason: String)
        case tooManyEntries(count: UInt64, limit: Int)
        case multiDisk

        public var description: String {
            switch self {
            case .cannotRead(let reason): "cannot be read (\(reason))"
            case .empty: "the file is empty"
            case .noEndRecord: "not a ZIP archive (no end-of-central-directory record)"
            case .truncated(let reason): "truncated or damaged ZIP archive (\(reason))"
            case .tooManyEntries(let count, let limit): "\(count) entries, more than the limit of \(limit)"
            case .multiDisk: "a multi-disk (split) archive, which is not supported"
            }
        }
    }

    /// Scans the file at `path`, reading at most the end region, the central directory
    /// and one local header per entry.
    public static func scan(path: String, maximumEntries: Int) throws(Failure) -> ZipLayout {
        let reader: RandomAccessFile
        do { reader = try RandomAccessFile(path: path) } catch { throw .cannotRead(reason: error.description) }
        return try Scanner(reader: reader, maximumEntries: maximumEntries).scan()
    }
}

/// Reads byte ranges of a file with `pread` (swift-system's `read(fromAbsoluteOffset:into:)`).
final class RandomAccessFile {
    let descriptor: FileDescriptor
    let size: UInt64

    /// Opens `path` read-only.
    /// - Throws: the `Errno` of `open` or `fstat`.
    init(path: String) throws(Errno) {
        descriptor = try FileDescriptor.open(path: path, .readOnly, options: [.closeOnExec])
        do { size = UInt64(try descriptor.stat().size) } catch {
            try? descriptor.close()
            throw error
        }
    }

    deinit { try? descriptor.close() }

    /// Exactly `count` bytes at `offset`, or `nil` past the end.
    func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let done = try? bytes.withUnsafeMutableBytes { (buffer) throws(Errno) in
            try descriptor.read(filling: buffer, fromAbsoluteOffset: Int64(offset))
        }
        return done == count ? bytes : nil
    }
}

/// Little-endian field access with bounds checks.
struct ByteView {
    let bytes: [UInt8]

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}

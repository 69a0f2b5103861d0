internal import Foundation
internal import ZipKit

/// Copies one entry of a bundle to a file, streamed in bounded memory and held to the
/// limits `verify` keeps: `verify` reads a carried bundle this way, and `escalate` copies
/// the delivery proofs of the bundle it escalates.
enum ArchivedEntryCopy {
    /// Why the entry could not be copied, in words for a finding or an error.
    struct Failure: Error {
        let reason: String
    }

    /// The size of the buffer the entry is read through.
    static let chunkSize = 1 << 20

    /// Copies the entry named `name` (its whole name in the archive) of `archive` to
    /// `destination`, which must not exist; on failure nothing is left at `destination`.
    /// `archive` may be an extracted bundle's folder: its file of that name is copied.
    ///
    /// - Throws: `Failure` when the entry is missing, is not a stored or deflated regular
    ///   file, inflates past its declared size, `maximumBytes` or the ratio limit, fails its
    ///   CRC, or the file cannot be written.
    static func copy(entryNamed name: String, of archive: URL, to destination: URL, maximumBytes: UInt64,
                     limits: VerificationLimits = VerificationLimits()) throws(Failure) {
        if BundleVerifier.isExtractedBundle(archive) {
            // An extracted bundle: the file of that name in the bag's folder, not following links.
            let folder: BagFolder
            do { folder = try BagFolder(archive) } catch { throw Failure(reason: error.description) }
            guard name.hasPrefix(folder.id + "/") else { throw Failure(reason: "no file \(name) in the folder") }
            return try folder.copy(String(name.dropFirst(folder.id.count + 1)), to: destination, maximumBytes: maximumBytes)
        }
        let layout: ZipLayout
        let reader: ZipArchiveReader
        do {
            layout = try ZipLayout.scan(path: archive.path, maximumEntries: limits.maximumEntries)
            reader = try ZipArchiveReader(path: archive.path)
        } catch {
            throw Failure(reason: "the archive cannot be read (\(error))")
        }
        let wanted = Array(name.utf8)
        guard let entry = layout.entries.first(where: { $0.rawName == wanted }) else {
            throw Failure(reason: "no entry \(name) in the archive")
        }
        guard entry.type == .regular, !entry.isEncrypted, entry.compressionMethod != nil else {
            throw Failure(reason: "\(name) is not a stored or deflated regular file")
        }
        guard entry.uncompressedSize <= maximumBytes else {
            throw Failure(reason: "\(name) declares \(entry.uncompressedSize) bytes, more than the limit of \(maximumBytes)")
        }
        let file: ZipEntryReader
        do {
            file = try reader.open(entry: entry.index, deflated: entry.isDeflated, expectedCRC: entry.crc)
        } catch {
            throw Failure(reason: "\(name) cannot be opened (\(error.description))")
        }
        var size: UInt64 = 0
        try create(destination) { (buffer, write) throws(Failure) in
            while true {
                let count: Int
                do throws(ZipArchiveReader.Failure) {
                    count = try file.read(into: buffer)
                } catch {
                    throw Failure(reason: "\(name) cannot be read (\(error.description))")
                }
                if count == 0 { break }
                size += UInt64(count)
                guard size <= entry.uncompressedSize else {
                    throw Failure(reason: "\(name) inflates past the \(entry.uncompressedSize) bytes its header declares")
                }
                if entry.isDeflated, !CompressionPolicy.isWithinRatioLimit(inflated: size, compressed: entry.compressedSize,
                                                                          ratio: limits.maximumCompressionRatio,
                                                                          allowance: limits.ratioAllowance) {
                    throw Failure(reason: "\(name) inflates past the compression-ratio limit (a compression bomb)")
                }
                try write(count)
            }
            guard size == entry.uncompressedSize else {
                throw Failure(reason: "\(name) holds \(size) bytes, its header declares \(entry.uncompressedSize)")
            }
        }
    }

    /// Creates `destination` (it must not exist; mode 0600) and writes into it what `fill`
    /// reads into the buffer it is given, each time calling `write` with the count read.
    /// When `fill` throws, nothing is left at `destination`.
    static func create(_ destination: URL,
                       fill: (_ buffer: UnsafeMutableRawBufferPointer, _ write: (Int) throws(Failure) -> Void) throws(Failure) -> Void) throws(Failure) {
        let descriptor = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(reason: "\(destination.path) cannot be created (\(String(cString: strerror(errno))))")
        }
        var completed = false
        defer {
            close(descriptor)
            if !completed { unlink(destination.path) }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        try fill(buffer) { (count: Int) throws(Failure) in
            var written = 0
            while written < count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Failure(reason: "\(destination.path) cannot be written (\(String(cString: strerror(errno))))")
                }
                written += result
            }
        }
        completed = true
    }

    /// Runs `body` with a new folder only this user can enter (`mkdtemp`, mode 0700) in the
    /// system's temporary folder, removed with everything in it afterwards.
    static func withPrivateFolder<Result>(_ body: (URL) throws(Failure) -> Result) throws(Failure) -> Result {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("claimpack-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else {
            throw Failure(reason: "no private temporary folder can be created in \(NSTemporaryDirectory()) (\(String(cString: strerror(errno))))")
        }
        let folder = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                         isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }
}

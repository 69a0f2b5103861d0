internal import FileIO
internal import Foundation
internal import SystemPackage
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
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(destination.path), .writeOnly,
                                                 options: [.create, .exclusiveCreate, .closeOnExec], permissions: [.ownerReadWrite])
        } catch {
            throw Failure(reason: "\(destination.path) cannot be created (\(error))")
        }
        var completed = false
        defer {
            try? descriptor.close()
            if !completed { try? Paths.remove(destination.path) }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        try fill(buffer) { (count: Int) throws(Failure) in
            do {
                _ = try descriptor.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            } catch {
                throw Failure(reason: "\(destination.path) cannot be written (\(error))")
            }
        }
        completed = true
    }

    /// Runs `body` with a new folder only this user can enter (`mkdtemp`, mode 0700) in the
    /// system's temporary folder, removed with everything in it afterwards.
    static func withPrivateFolder<Result>(_ body: (URL) throws(Failure) -> Result) throws(Failure) -> Result {
        let folder: URL
        do throws(Errno) {
            folder = URL(fileURLWithPath: try Paths.makeUniqueFolder((NSTemporaryDirectory() as NSString).appendingPathComponent("claimpack-XXXXXX")),
                         isDirectory: true)
        } catch {
            throw Failure(reason: "no private temporary folder can be created in \(NSTemporaryDirectory()) (\(error.description))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }
}

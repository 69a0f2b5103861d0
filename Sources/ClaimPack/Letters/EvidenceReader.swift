internal import Crypto
internal import FileIO
internal import Foundation
internal import SystemPackage
internal import ZipKit

/// Reads the evidence files of an `EvidenceSource` by their claim path (`evidence/…`): the
/// whole file (for printing it), or its size and SHA-256 streamed in bounded memory.
final class EvidenceReader {
    private let source: EvidenceSource
    private var archive: (reader: ZipArchiveReader, entries: [String: ZipLayout.Entry])?

    /// The largest file read whole to be printed (an image or PDF of evidence, a text note).
    static let maximumPrintedBytes = 256 << 20

    init(_ source: EvidenceSource) {
        self.source = source
    }

    /// The size and SHA-256 of the file at `path`, read once in 1 MiB pieces.
    func digest(of path: String) throws(LetterError) -> (size: UInt64, sha256: SHA256Digest) {
        var hasher = SHA256()
        var size: UInt64 = 0
        try stream(path) { piece in
            hasher.update(bufferPointer: piece)
            size += UInt64(piece.count)
        }
        return (size, SHA256Digest(hasher.finalize()))
    }

    /// The bytes of the file at `path` and their SHA-256.
    /// - Throws: `LetterError.evidence` when it cannot be read or is larger than
    ///   `maximumPrintedBytes`.
    func bytes(of path: String) throws(LetterError) -> (bytes: [UInt8], sha256: SHA256Digest) {
        var bytes: [UInt8] = []
        var failedTooLarge = false
        try stream(path) { piece in
            if bytes.count + piece.count > EvidenceReader.maximumPrintedBytes { failedTooLarge = true; return }
            bytes.append(contentsOf: piece)
        }
        if failedTooLarge {
            throw .evidence("\(path): larger than \(EvidenceReader.maximumPrintedBytes >> 20) MiB, too large to print; give it enclose: false or --attachments list")
        }
        return (bytes, SHA256Digest(of: bytes))
    }

    /// Calls `body` with each piece of the file at `path`, front to back.
    private func stream(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws(LetterError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        switch source {
        case .folder(let report):
            let diskPath = report.evidenceFiles.first { $0.path == path }?.diskPath ?? path
            try stream(path, buffer, body) { () throws(Errno) in
                try FileDescriptor.open(path: report.folder.appendingPathComponent(diskPath).path, .readOnly, options: [.noFollow, .closeOnExec])
            }
        case .bundle(let url) where BundleVerifier.isExtractedBundle(url):
            // An extracted bundle (verified before): the file in the bag's folder, not following links.
            let folder: BagFolder
            do { folder = try BagFolder(url) } catch { throw .evidence("\(path): cannot be read: \(error.description)") }
            try stream(path, buffer, body) { () throws(Errno) in try folder.openFile(BundleLayout.payloadPath(for: path)) }
        case .bundle(let url):
            let (reader, entries) = try openArchive(url)
            guard let entry = entries[BundleLayout.payloadPath(for: path)] else {
                throw .evidence("\(path): not in the bundle \(url.lastPathComponent)")
            }
            do {
                let file = try reader.open(entry: entry.index, deflated: entry.isDeflated, expectedCRC: entry.crc)
                while true {
                    let count = try file.read(into: buffer)
                    if count == 0 { return }
                    body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                }
            } catch {
                throw .evidence("\(path) in \(url.lastPathComponent): \(error.description)")
            }
        }
    }

    /// Calls `body` with each piece read from the file `opening` opens (closed after).
    private func stream(_ path: String, _ buffer: UnsafeMutableRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void,
                        opening: () throws(Errno) -> FileDescriptor) throws(LetterError) {
        let descriptor: FileDescriptor
        do { descriptor = try opening() } catch { throw .evidence("\(path): cannot be read: \(error.description)") }
        defer { try? descriptor.close() }
        while true {
            let count: Int
            do { count = try descriptor.read(into: buffer) } catch {
                throw .evidence("\(path): cannot be read: \(Errno(error).description)")
            }
            if count == 0 { return }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The archive and its entries by path inside the bundle's folder (`data/evidence/…`).
    private func openArchive(_ url: URL) throws(LetterError) -> (ZipArchiveReader, [String: ZipLayout.Entry]) {
        if let archive { return archive }
        do {
            let layout = try ZipLayout.scan(path: url.path, maximumEntries: BundleLimits.maximumEntries)
            var entries: [String: ZipLayout.Entry] = [:]
            for entry in layout.entries {
                guard let name = String(validating: entry.rawName, as: UTF8.self), let slash = name.firstIndex(of: "/") else { continue }
                entries[String(name[name.index(after: slash)...])] = entry
            }
            let opened = (reader: try ZipArchiveReader(path: url.path), entries: entries)
            archive = opened
            return opened
        } catch {
            throw .evidence("\(url.path): cannot be read: \(error)")
        }
    }
}

internal import Crypto
internal import Foundation
internal import ZipKit

/// The hidden temporary folder `extract` writes into, beside the target:
/// `.NAME.claimpack-partial-PID-RANDOM`. Every file and folder in it is created by name
/// from the open descriptor of its parent, exclusively (`O_EXCL`), never following a link
/// (`O_NOFOLLOW`); the files written are registered with `TemporaryFiles`, so that SIGINT
/// or SIGTERM removes them.
final class ExtractionFolder {
    let url: URL
    private var descriptor: Int32 = -1
    private var registered: [String] = []
    /// One buffer for every entry: memory stays bounded whatever the sizes.
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)

    init(beside target: URL) {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let padded = String(repeating: "0", count: 16 - random.count) + random
        url = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent)\(TemporaryFiles.marker)\(getpid())-\(padded)")
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        for path in registered { TemporaryFiles.shared.unregister(path) }
        buffer.deallocate()
    }

    func create() throws(ExtractionError) {
        guard made(url.path, { mkdir(url.path, 0o755) }) == 0 else {
            throw .cannotCreate(path: url.path, reason: String(cString: strerror(errno)))
        }
        descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotCreate(path: url.path, reason: String(cString: strerror(errno))) }
    }

    /// Streams `item` out of `reader` into its file; `verified` is what verification read
    /// of it (size and SHA-256), which the bytes written must match.
    func write(_ item: ExtractionPlan.Item, from reader: ZipArchiveReader, verified: PayloadFile?,
               limits: VerificationLimits, wrote: (UInt64) -> Void) throws(ExtractionError) {
        let entry = item.entry
        let components = item.path.split(separator: "/").map(String.init)
        guard let fileName = components.last else { return }
        let parent = try openFolders(components.dropLast(), for: item.name)
        defer { if parent != descriptor { close(parent) } }
        let path = url.appendingPathComponent(item.path).path
        let file = made(path) { openat(parent, fileName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
        guard file >= 0 else { throw failure(errno, entry: item.name, path: item.path) }
        var complete = false
        defer {
            close(file)
            if !complete { unlinkat(parent, fileName, 0) }
        }
        let input: ZipEntryReader
        do {
            input = try reader.open(entry: entry.index, deflated: entry.method == 8, expectedCRC: entry.crc)
        } catch {
            throw .entryFailed(entry: item.name, reason: "cannot be read (\(error.description))")
        }
        var hasher = SHA256()
        var size: UInt64 = 0
        let ratioLimit = entry.method == 8 ? limits.maximumCompressionRatio &* max(entry.compressedSize, 1) : UInt64.max
        while true {
            let count: Int
            do { count = try input.read(into: buffer) } catch {
                throw .entryFailed(entry: item.name, reason: "cannot be read (\(error.description))")
            }
            if count == 0 { break }
            size += UInt64(count)
            if size > entry.uncompressedSize {
                throw .entryFailed(entry: item.name, reason: "inflates past the \(entry.uncompressedSize) bytes its header declares")
            }
            if size > limits.ratioAllowance, size > ratioLimit {
                throw .entryFailed(entry: item.name, reason: "inflates more than \(limits.maximumCompressionRatio):1 (a compression bomb)")
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            hasher.update(bufferPointer: chunk)
            try writeAll(chunk, to: file, path: item.path)
            wrote(UInt64(count))
        }
        guard size == entry.uncompressedSize else {
            throw .entryFailed(entry: item.name, reason: "holds \(size) bytes, its header declares \(entry.uncompressedSize)")
        }
        if let verified {
            let digest = SHA256Digest(hasher.finalize())
            guard size == verified.size, digest == verified.sha256 else {
                throw .entryFailed(entry: item.name, reason: "its SHA-256 is \(digest.hex) now, \(verified.sha256.hex) when it was verified: the bundle changed while it was extracted")
            }
        }
        complete = true
    }

    /// Writes the mapping list: each renamed entry, a tab, the path written.
    func writeNames(_ renamed: [ExtractionResult.Renamed], as name: String) throws(ExtractionError) {
        var text = """
            # Names changed by claimpack extract --windows-safe, so that Windows can hold them.
            # Each line: the entry's name in the bundle, a tab, the path written (relative to this folder).
            # manifest-sha256.txt and manifest.xml keep the names in the bundle: sha256sum -c reports a renamed file as missing.

            """
        for item in renamed { text += "\(item.entry)\t\(item.written)\n" }
        let file = made(url.appendingPathComponent(name).path) { openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
        guard file >= 0 else { throw failure(errno, entry: name, path: name) }
        defer { close(file) }
        var failure: ExtractionError?
        Array(text.utf8).withUnsafeBytes { bytes in
            do throws(ExtractionError) { try writeAll(bytes, to: file, path: name) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Gives the complete folder the target's name, replacing the empty folder that holds it.
    func move(to target: URL) throws(ExtractionError) {
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw .writeFailed(path: url.path, reason: String(cString: strerror(errno))) }
        guard rename(url.path, target.path) == 0 else {
            throw .cannotCreate(path: target.path, reason: "\(String(cString: strerror(errno))); something was put into it meanwhile")
        }
    }

    /// Makes `path` with the system call `make` and registers it in the same step
    /// (`TemporaryFiles.creating`), so that an interruption never leaves it behind.
    func made(_ path: String, _ make: () -> Int32) -> Int32 {
        let result = TemporaryFiles.shared.creating(path, make)
        if result >= 0 { registered.append(path) }
        return result
    }

    /// Removes the folder and everything in it (nothing in it is a link to follow).
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The descriptor of the folder `components` under this one, each made when missing.
    private func openFolders(_ components: ArraySlice<String>, for entry: String) throws(ExtractionError) -> Int32 {
        var current = descriptor
        var path = url.path
        for component in components {
            path += "/" + component
            if made(path, { mkdirat(current, component, 0o755) }) == 0 {
                // Made and registered.
            } else if errno != EEXIST {
                let code = errno
                if current != descriptor { close(current) }
                throw failure(code, entry: entry, path: component)
            }
            let next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            if current != descriptor { close(current) }
            guard next >= 0 else { throw failure(code, entry: entry, path: component) }
            current = next
        }
        return current
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, to file: Int32, path: String) throws(ExtractionError) {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(file, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
            offset += count
        }
    }

    /// A name the file system refuses is the entry's problem; anything else is an I/O error.
    private func failure(_ code: Int32, entry: String, path: String) -> ExtractionError {
        switch code {
        case ENAMETOOLONG:
            .entryFailed(entry: entry, reason: "the name \(path) is too long for this file system (\(String(cString: strerror(code))))")
        case EILSEQ, EINVAL:
            .entryFailed(entry: entry, reason: "the file system refuses the name \(path) (\(String(cString: strerror(code)))); extract with --windows-safe")
        case EEXIST, ENOTDIR, ELOOP, EISDIR:
            .entryFailed(entry: entry, reason: "cannot be written as \(path) (\(String(cString: strerror(code))))")
        default:
            .writeFailed(path: path, reason: String(cString: strerror(code)))
        }
    }
}

internal import Crypto
internal import FileIO
internal import Foundation
internal import SystemPackage
internal import ZipKit

/// The hidden temporary folder `extract` writes into, beside the target:
/// `.NAME.claimpack-partial-PID-RANDOM`. Every file and folder in it is created by name
/// from the open descriptor of its parent, exclusively (`O_EXCL`), never following a link
/// (`O_NOFOLLOW`); the files written are registered with `TemporaryFiles`, so that SIGINT
/// or SIGTERM removes them.
final class ExtractionFolder {
    let url: URL
    /// The open temporary folder, once `create` has made it.
    private var descriptor: FileDescriptor?
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
        try? descriptor?.close()
        for path in registered { TemporaryFiles.shared.unregister(path) }
        buffer.deallocate()
    }

    func create() throws(ExtractionError) {
        do throws(Errno) {
            try made(url.path) { () throws(Errno) in try Paths.makeFolder(url.path, permissions: Self.folderPermissions) }
        } catch {
            throw .cannotCreate(path: url.path, reason: error.description)
        }
        do {
            descriptor = try FileDescriptor.open(FilePath(url.path), .readOnly, options: [.directory, .noFollow, .closeOnExec])
        } catch {
            throw .cannotCreate(path: url.path, reason: String(describing: error))
        }
    }

    /// Streams `item` out of `reader` into its file; `verified` is what verification read
    /// of it (size and SHA-256), which the bytes written must match.
    func write(_ item: ExtractionPlan.Item, from reader: ZipArchiveReader, verified: PayloadFile?,
               limits: VerificationLimits, wrote: (UInt64) -> Void) throws(ExtractionError) {
        let entry = item.entry
        let components = item.path.split(separator: "/").map(String.init)
        guard let fileName = components.last else { return }
        let (parent, opened) = try openFolders(components.dropLast(), for: item.name)
        defer { if opened { try? parent.close() } }
        let path = url.appendingPathComponent(item.path).path
        let file: FileDescriptor
        do throws(Errno) {
            file = try made(path) { () throws(Errno) in try FileDescriptor.open(fileName, in: parent, .writeOnly, options: Self.newFile, permissions: Self.filePermissions) }
        } catch {
            throw failure(error, entry: item.name, path: item.path)
        }
        var complete = false
        defer {
            try? file.close()
            if !complete { try? parent.remove(fileName) }
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
        let folder = try opened()
        let file: FileDescriptor
        do throws(Errno) {
            file = try made(url.appendingPathComponent(name).path) { () throws(Errno) in
                try FileDescriptor.open(name, in: folder, .writeOnly, options: Self.newFile, permissions: Self.filePermissions)
            }
        } catch {
            throw failure(error, entry: name, path: name)
        }
        defer { try? file.close() }
        var failure: ExtractionError?
        Array(text.utf8).withUnsafeBytes { bytes in
            do throws(ExtractionError) { try writeAll(bytes, to: file, path: name) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Gives the complete folder the target's name, replacing the empty folder that holds it.
    func move(to target: URL) throws(ExtractionError) {
        let folder = try opened()
        do throws(Errno) {
            try folder.synchronize()
        } catch where error != .invalidArgument {
            throw .writeFailed(path: url.path, reason: error.description)
        } catch {}
        do throws(Errno) {
            try Paths.rename(url.path, to: target.path)
        } catch {
            throw .cannotCreate(path: target.path, reason: "\(error.description); something was put into it meanwhile")
        }
    }

    /// Makes `path` with `make` and registers it in the same step
    /// (`TemporaryFiles.creating`), so that an interruption never leaves it behind.
    func made<Made: Sendable>(_ path: String, _ make: () throws(Errno) -> Made) throws(Errno) -> Made {
        let result = try TemporaryFiles.shared.creating(path, make)
        registered.append(path)
        return result
    }

    /// Removes the folder and everything in it (nothing in it is a link to follow).
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// The descriptor of the folder `components` under this one, each made when missing,
    /// and whether it was opened for this call (the caller closes it then).
    private func openFolders(_ components: ArraySlice<String>, for entry: String) throws(ExtractionError) -> (FileDescriptor, opened: Bool) {
        let root = try opened()
        var current = root
        var path = url.path
        for component in components {
            path += "/" + component
            let next: FileDescriptor
            do throws(Errno) {
                do throws(Errno) {
                    try made(path) { () throws(Errno) in try current.makeFolder(component, permissions: Self.folderPermissions) }
                } catch where error == .fileExists {
                    // Made for an earlier entry: opened below, never followed if a link.
                }
                next = try FileDescriptor.open(component, in: current, .readOnly, options: [.directory, .noFollow, .closeOnExec])
            } catch {
                if current != root { try? current.close() }
                throw failure(error, entry: entry, path: component)
            }
            if current != root { try? current.close() }
            current = next
        }
        return (current, current != root)
    }

    /// The open temporary folder; an I/O error before `create` has made it.
    private func opened() throws(ExtractionError) -> FileDescriptor {
        guard let descriptor else { throw .writeFailed(path: url.path, reason: "the folder was not created") }
        return descriptor
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, to file: FileDescriptor, path: String) throws(ExtractionError) {
        do {
            _ = try file.writeAll(bytes)
        } catch {
            throw .writeFailed(path: path, reason: String(describing: error))
        }
    }

    /// A name the file system refuses is the entry's problem; anything else is an I/O error.
    private func failure(_ error: Errno, entry: String, path: String) -> ExtractionError {
        switch error {
        case .fileNameTooLong:
            .entryFailed(entry: entry, reason: "the name \(path) is too long for this file system (\(error.description))")
        case .illegalByteSequence, .invalidArgument:
            .entryFailed(entry: entry, reason: "the file system refuses the name \(path) (\(error.description)); extract with --windows-safe")
        case .fileExists, .notDirectory, .tooManySymbolicLinkLevels, .isDirectory:
            .entryFailed(entry: entry, reason: "cannot be written as \(path) (\(error.description))")
        default:
            .writeFailed(path: path, reason: error.description)
        }
    }

    /// Files are made new (`O_EXCL`), never through a link (`O_NOFOLLOW`).
    private static let newFile: FileDescriptor.OpenOptions = [.create, .exclusiveCreate, .noFollow, .closeOnExec]
    private static let filePermissions: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead]
    /// 0755, narrowed by the umask.
    static let folderPermissions: FilePermissions = [.ownerReadWriteExecute, .groupRead, .groupExecute, .otherRead, .otherExecute]
}

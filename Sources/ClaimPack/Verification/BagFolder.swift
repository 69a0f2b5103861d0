internal import FileIO
internal import Foundation
internal import SystemPackage

/// An extracted bundle: the bag's folder (`<id>/`, holding `bagit.txt`; failing that,
/// `manifest-sha256.txt` or `manifest.xml`), given itself or
/// as the single bag folder inside the folder given (what `unzip` makes). Every file is
/// reached by name from the open descriptor of its folder, never following a link
/// (`O_NOFOLLOW`): a link swapped in while the folder is read is not followed either.
final class BagFolder {
    /// The bag's folder, open (`O_DIRECTORY`).
    let descriptor: FileDescriptor
    /// The bag folder's name: the bundle's id.
    let id: String
    /// The folder given, open, when the bag is the folder inside it.
    let outer: FileDescriptor?

    /// Opens the bag folder at `url` (the folder given is followed if it is a link; nothing
    /// inside it is).
    ///
    /// - Throws: `VerificationError.cannotRead` when `url` cannot be opened, or neither it
    ///   nor exactly one folder inside it holds `bagit.txt`.
    init(_ url: URL) throws(VerificationError) {
        let path = url.path
        let given: FileDescriptor
        do { given = try FileDescriptor.open(path: path, .readOnly, options: [.directory, .closeOnExec]) } catch {
            throw .cannotRead(path: path, reason: error.description)
        }
        if BagFolder.isBag(given) {
            descriptor = given
            outer = nil
            id = BagFolder.name(of: url)
            return
        }
        var bags: [(name: String, descriptor: FileDescriptor)] = []
        var links: [String] = []
        for raw in (try? BagFolder.names(in: given, limit: 1000)) ?? [] {
            let name = String(decoding: raw, as: UTF8.self)
            let kind = FileStatus(in: given, name: name)?.kind
            if kind == .symbolicLink { links.append(name) }
            guard kind == .directory,
                  let inner = try? FileDescriptor.open(name, in: given, .readOnly, options: [.directory, .noFollow, .closeOnExec]) else { continue }
            if BagFolder.isBag(inner) {
                bags.append((name, inner))
            } else {
                try? inner.close()
            }
        }
        guard bags.count == 1 else {
            bags.forEach { try? $0.descriptor.close() }
            try? given.close()
            let reason = bags.isEmpty && !links.isEmpty
                ? "a folder without \(BundleLayout.declaration); it holds a symbolic link (\(links.sorted().joined(separator: ", "))), which is never followed inside the folder given; to check the bag it leads to, give the link itself (verify LINK) or the bundle's .zip"
                : bags.isEmpty
                ? "a folder without \(BundleLayout.declaration), and no folder inside it has one: not an extracted bundle; give the bag's folder (the one holding \(BundleLayout.declaration)) or the bundle's .zip"
                : "a folder holding \(bags.count) bags (\(bags.map(\.name).sorted().joined(separator: ", "))); give one of them"
            throw .cannotRead(path: path, reason: reason)
        }
        descriptor = bags[0].descriptor
        outer = given
        id = bags[0].name
    }

    /// Whether the open folder `directory` is a bag's: it holds `bagit.txt`, or, failing
    /// that, a manifest (a bag whose declaration was removed or renamed, reported V200).
    private static func isBag(_ directory: FileDescriptor) -> Bool {
        [BundleLayout.declaration, BundleLayout.payloadManifest, BundleLayout.manifest].contains {
            FileStatus(in: directory, name: $0) != nil
        }
    }

    deinit {
        try? descriptor.close()
        try? outer?.close()
    }

    /// The last name of `url` as the system resolves it (`.` and `..` included).
    private static func name(of url: URL) -> String {
        guard let resolved = try? Paths.resolved(url.path) else { return url.standardizedFileURL.lastPathComponent }
        return URL(fileURLWithPath: resolved).lastPathComponent
    }

    /// Why a folder's names could not be read.
    enum ListingFailure: Error {
        case unreadable(String)
        /// More names than `limit`.
        case tooMany
    }

    /// The names in the open folder `directory`, as bytes, sorted; at most `limit`.
    static func names(in directory: FileDescriptor, limit: Int) throws(ListingFailure) -> [[UInt8]] {
        let names: [[UInt8]]
        do { names = try directory.names(limit: limit) } catch { throw .unreadable(error.description) }
        guard names.count <= limit else { throw .tooMany }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Opens the file at `relative` (a path inside the bag, `/`-separated) for reading,
    /// each folder on the way and the file itself without following a link (the file
    /// without blocking, `O_NONBLOCK`: a named pipe is opened at once, to be refused).
    func openFile(_ relative: String) throws(Errno) -> FileDescriptor {
        var components = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let last = components.removeLast()
        var current = descriptor
        defer { if current != descriptor { try? current.close() } }
        for component in components {
            let next = try FileDescriptor.open(component, in: current, .readOnly, options: [.directory, .noFollow, .closeOnExec])
            if current != descriptor { try? current.close() }
            current = next
        }
        return try FileDescriptor.open(last, in: current, .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
    }

    /// The bytes of the regular file `relative`, when it holds exactly `size` bytes.
    func contents(_ relative: String, size: UInt64) -> [UInt8]? {
        guard let file = try? openFile(relative) else { return nil }
        defer { try? file.close() }
        guard FileStatus(descriptor: file)?.kind == .regular else { return nil }
        // One byte more than expected is room to see a file that grew.
        var bytes = [UInt8](repeating: 0, count: Int(size) + 1)
        guard let count = try? bytes.withUnsafeMutableBytes({ (buffer) throws(Errno) in try file.read(filling: buffer) }),
              count == Int(size) else { return nil }
        return Array(bytes.prefix(count))
    }

    /// Copies the regular file `relative` to `destination`, which must not exist; at most
    /// `maximumBytes`. On failure nothing is left at `destination`.
    func copy(_ relative: String, to destination: URL, maximumBytes: UInt64) throws(ArchivedEntryCopy.Failure) {
        let source: FileDescriptor
        do { source = try openFile(relative) } catch {
            throw ArchivedEntryCopy.Failure(reason: "\(relative) cannot be opened (\(error.description))")
        }
        defer { try? source.close() }
        guard FileStatus(descriptor: source)?.kind == .regular else {
            throw ArchivedEntryCopy.Failure(reason: "\(relative) is not a regular file")
        }
        var size: UInt64 = 0
        try ArchivedEntryCopy.create(destination) { (buffer, write) throws(ArchivedEntryCopy.Failure) in
            while true {
                let count: Int
                do { count = try source.read(into: buffer) } catch {
                    throw ArchivedEntryCopy.Failure(reason: "\(relative) cannot be read (\(Errno(error).description))")
                }
                if count == 0 { break }
                size += UInt64(count)
                guard size <= maximumBytes else {
                    throw ArchivedEntryCopy.Failure(reason: "\(relative) grew past the \(maximumBytes) bytes verified")
                }
                try write(count)
            }
        }
    }
}

internal import Foundation

/// An extracted bundle: the bag's folder (`<id>/`, holding `bagit.txt`; failing that,
/// `manifest-sha256.txt` or `manifest.xml`), given itself or
/// as the single bag folder inside the folder given (what `unzip` makes). Every file is
/// reached by name from the open descriptor of its folder, never following a link
/// (`O_NOFOLLOW`): a link swapped in while the folder is read is not followed either.
final class BagFolder {
    /// The bag's folder, open (`O_DIRECTORY`).
    let descriptor: Int32
    /// The bag folder's name: the bundle's id.
    let id: String
    /// The folder given, open, when the bag is the folder inside it.
    let outer: Int32?

    /// Opens the bag folder at `url` (the folder given is followed if it is a link; nothing
    /// inside it is).
    ///
    /// - Throws: `VerificationError.cannotRead` when `url` cannot be opened, or neither it
    ///   nor exactly one folder inside it holds `bagit.txt`.
    init(_ url: URL) throws(VerificationError) {
        let path = url.path
        let given = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard given >= 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        if BagFolder.isBag(given) {
            descriptor = given
            outer = nil
            id = BagFolder.name(of: url)
            return
        }
        var bags: [(name: String, descriptor: Int32)] = []
        var links: [String] = []
        for raw in (try? BagFolder.names(in: given, limit: 1000)) ?? [] {
            let name = String(decoding: raw, as: UTF8.self)
            let kind = FileStatus(in: given, name: name)?.kind
            if kind == .symbolicLink { links.append(name) }
            guard kind == .directory else { continue }
            let inner = openat(given, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard inner >= 0 else { continue }
            if BagFolder.isBag(inner) {
                bags.append((name, inner))
            } else {
                close(inner)
            }
        }
        guard bags.count == 1 else {
            bags.forEach { close($0.descriptor) }
            close(given)
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
    private static func isBag(_ directory: Int32) -> Bool {
        [BundleLayout.declaration, BundleLayout.payloadManifest, BundleLayout.manifest].contains {
            FileStatus(in: directory, name: $0) != nil
        }
    }

    deinit {
        close(descriptor)
        if let outer { close(outer) }
    }

    /// The last name of `url` as the system resolves it (`.` and `..` included).
    private static func name(of url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.standardizedFileURL.lastPathComponent }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved)).lastPathComponent
    }

    /// Why a folder's names could not be read.
    enum ListingFailure: Error {
        case unreadable(String)
        /// More names than `limit`.
        case tooMany
    }

    /// The names in the open folder `directory`, as bytes, sorted; at most `limit`.
    static func names(in directory: Int32, limit: Int) throws(ListingFailure) -> [[UInt8]] {
        // fdopendir takes the descriptor it is given: it gets a copy, ours stays open.
        let copy = dup(directory)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw .unreadable(String(cString: strerror(errno)))
        }
        defer { closedir(stream) }
        // The copy shares the position of `directory`: it may have been listed before.
        rewinddir(stream)
        var names: [[UInt8]] = []
        errno = 0
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in Array(bytes.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
            if names.count > limit { throw .tooMany }
        }
        guard errno == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Opens the file at `relative` (a path inside the bag, `/`-separated) for reading,
    /// each folder on the way and the file itself without following a link; `-1` (with
    /// `errno`) when it cannot be.
    func openFile(_ relative: String) -> Int32 {
        var components = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let last = components.removeLast()
        var current = descriptor
        defer { if current != descriptor { close(current) } }
        for component in components {
            let next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if current != descriptor { close(current) }
            current = next
            guard next >= 0 else {
                current = descriptor
                return -1
            }
        }
        return openat(current, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    }

    /// The bytes of the regular file `relative`, when it holds exactly `size` bytes.
    func contents(_ relative: String, size: UInt64) -> [UInt8]? {
        let file = openFile(relative)
        guard file >= 0 else { return nil }
        defer { close(file) }
        guard FileStatus(descriptor: file)?.kind == .regular else { return nil }
        // One byte more than expected is room to see a file that grew.
        var bytes = [UInt8](repeating: 0, count: Int(size) + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(file, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { break }
            count += read
        }
        guard count == Int(size) else { return nil }
        return Array(bytes.prefix(count))
    }

    /// Copies the regular file `relative` to `destination`, which must not exist; at most
    /// `maximumBytes`. On failure nothing is left at `destination`.
    func copy(_ relative: String, to destination: URL, maximumBytes: UInt64) throws(ArchivedEntryCopy.Failure) {
        let source = openFile(relative)
        guard source >= 0 else { throw ArchivedEntryCopy.Failure(reason: "\(relative) cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(source) }
        guard FileStatus(descriptor: source)?.kind == .regular else {
            throw ArchivedEntryCopy.Failure(reason: "\(relative) is not a regular file")
        }
        var size: UInt64 = 0
        try ArchivedEntryCopy.create(destination) { (buffer, write) throws(ArchivedEntryCopy.Failure) in
            while true {
                let count = read(source, buffer.baseAddress!, buffer.count)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else {
                    throw ArchivedEntryCopy.Failure(reason: "\(relative) cannot be read (\(String(cString: strerror(errno))))")
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

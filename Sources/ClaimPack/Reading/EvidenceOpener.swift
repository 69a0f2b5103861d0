internal import FileIO
internal import Synchronization
internal import SystemPackage

/// Opens the evidence files of a claim folder for reading, so that what is read is the
/// file that was listed, inside the folder, and opening never blocks.
///
/// Each file is opened relative to an open descriptor of the claim folder, one path
/// component at a time (`openat` with `O_DIRECTORY | O_NOFOLLOW` for folders, `O_NOFOLLOW
/// | O_NONBLOCK` for the file), never by path: a folder or file swapped for a symbolic link
/// after the listing is not followed. The open file is then checked with `fstat` against
/// the listing — a regular file, the same device and inode, the same size — so a file
/// swapped for another, or for a named pipe, socket or device (which `O_NONBLOCK` opens
/// without waiting), is an error naming it, and nothing of it is read. `O_NONBLOCK` is
/// cleared before the descriptor is handed out.
///
/// Every reader of evidence bytes opens through here: the payload pipeline (both of its
/// threads) and the compression sample. Folders are opened once and kept (up to
/// `maximumKeptFolders`), so thousands of files in one folder cost one `openat` each.
final class EvidenceOpener: Sendable {
    /// Why a file was not opened.
    enum Failure: Error, Sendable, Equatable {
        /// It cannot be opened (permissions, I/O): the reason from the system.
        case unreadable(reason: String)
        /// It is no longer the file that was listed: what it is now.
        case replaced(reason: String)
        /// It is the file listed, but its size changed: the size now.
        case resized(size: UInt64)
    }

    /// The claim folder, open.
    private let folder: FileDescriptor
    /// Open subfolders by their path relative to the claim folder; closed with the opener.
    private let folders = Mutex<[String: FileDescriptor]>([:])
    static let maximumKeptFolders = 256

    /// Opens the claim folder at `path`.
    /// - Throws: `Failure.unreadable` when it cannot be opened as a folder.
    init(folder path: String) throws(Failure) {
        do { folder = try FileDescriptor.open(path: path, .readOnly, options: [.directory, .closeOnExec]) } catch {
            throw .unreadable(reason: error.description)
        }
    }

    deinit {
        try? folder.close()
        folders.withLock { for descriptor in $0.values { try? descriptor.close() } }
    }

    /// Opens `file` (its `diskPath`, relative to the claim folder) for reading: a
    /// descriptor the caller closes, in blocking mode, of exactly the file listed.
    func open(_ file: EvidenceFile) -> Result<FileDescriptor, Failure> {
        let components = file.diskPath.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, !name.isEmpty else { return .failure(.replaced(reason: "not a file name")) }
        let parentPath = components.dropLast().joined(separator: "/")
        let parent: (descriptor: FileDescriptor, kept: Bool)
        switch directory(parentPath) {
        case .success(let found): parent = found
        case .failure(let failure): return .failure(failure)
        }
        defer { if !parent.kept { try? parent.descriptor.close() } }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(String(name), in: parent.descriptor, .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
        } catch {
            return .failure(Self.failure(error, in: parent.descriptor, name: String(name), what: "the file"))
        }
        if let failure = check(descriptor, against: file) {
            try? descriptor.close()
            return .failure(failure)
        }
        do { try descriptor.makeBlocking() } catch {
            try? descriptor.close()
            return .failure(.unreadable(reason: error.description))
        }
        return .success(descriptor)
    }

    /// Whether the open file is the regular file listed.
    private func check(_ descriptor: FileDescriptor, against file: EvidenceFile) -> Failure? {
        let status: FileStatus
        do { status = try FileStatus(of: descriptor) } catch { return .unreadable(reason: error.description) }
        guard status.kind == .regular else { return .replaced(reason: "it is now \(status.kind.noun)") }
        if let identity = file.identity, identity != status.identity {
            return .replaced(reason: "another file now has its name")
        }
        guard status.size == file.size else { return .resized(size: status.size) }
        return nil
    }

    /// The open folder at `path` (relative to the claim folder; empty for the folder
    /// itself), walked from a kept ancestor one component at a time; `kept` tells whether
    /// the opener keeps it (else the caller closes it).
    private func directory(_ path: String) -> Result<(descriptor: FileDescriptor, kept: Bool), Failure> {
        if path.isEmpty { return .success((folder, true)) }
        if let kept = folders.withLock({ $0[path] }) { return .success((kept, true)) }
        let slash = path.lastIndex(of: "/")
        let parentPath = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let parent: (descriptor: FileDescriptor, kept: Bool)
        switch directory(parentPath) {
        case .success(let found): parent = found
        case .failure(let failure): return .failure(failure)
        }
        defer { if !parent.kept { try? parent.descriptor.close() } }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(name, in: parent.descriptor, .readOnly, options: [.directory, .noFollow, .closeOnExec])
        } catch {
            return .failure(Self.failure(error, in: parent.descriptor, name: name, what: "its folder \(path)"))
        }
        let kept = folders.withLock { folders -> FileDescriptor? in
            if let other = folders[path] { return other }
            guard folders.count < Self.maximumKeptFolders else { return nil }
            folders[path] = descriptor
            return descriptor
        }
        guard let kept else { return .success((descriptor, false)) }
        if kept != descriptor { try? descriptor.close() }
        return .success((kept, true))
    }

    /// An `openat` failure: a link or something else where a file or folder was listed,
    /// or something that cannot be read (a name gone among them: the system says so).
    private static func failure(_ code: Errno, in parent: FileDescriptor, name: String, what: String) -> Failure {
        switch code {
        case .tooManySymbolicLinkLevels, .notDirectory:
            let now = FileStatus(in: parent, name: name)?.kind
            if now == .symbolicLink { return .replaced(reason: "\(what) is now a symbolic link, which is never followed") }
            return .replaced(reason: "\(what) is now \(now?.noun ?? "something else")")
        default: return .unreadable(reason: code.description)
        }
    }
}

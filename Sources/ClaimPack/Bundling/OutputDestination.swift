internal import FileIO
public import Foundation
internal import SystemPackage
internal import ZipKit

/// The file or folder a command writes where the user said (`build -o`, `letter -o`,
/// `export -o`, `escalate -o`, `extract DIR`, `timestamp --request`), checked before
/// anything is written so that no file of the user's is ever destroyed.
///
/// The rules (docs/claim-format.md, "Where commands write"):
/// - the destination is never one of the command's inputs (same device and inode, also
///   through a symbolic or hard link), even with `--force`;
/// - it is never inside the `evidence/` folder of the claim folder being built or of any
///   claim folder (a folder holding `claim.yaml`), nor a `claim.yaml`;
/// - a symbolic link is not written through, and a dangling one is not replaced — except
///   that `build --force` replaces the bundle a link leads to (its documented behaviour);
/// - an existing file is replaced only with `--force`, and only when it is what the
///   command writes: a claimpack bundle for `build`, a PDF (or, for `--format text`, a
///   text file) for `letter`; a folder destination must not exist at all.
public enum OutputDestination {
    /// What the command writes, which decides what an existing file there may be.
    public enum Content: Sendable, Equatable {
        /// A claim bundle (`build`): only an existing claimpack bundle is replaced.
        case bundle
        /// A PDF letter: only an existing PDF is replaced.
        case pdf
        /// A text file (`letter --format text`, a timestamp request): only an existing
        /// text file is replaced.
        case text
        /// A new folder (`export`, `escalate`, `extract`): nothing may be there.
        case folder
    }

    /// Why the destination was refused; the text names the path and says what to do.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// A file is there and `--force` was not given.
        case exists(path: String)
        /// Something (`kind`: "a folder", "a symbolic link"…) is where a new folder is to be made.
        case folderExists(path: String, kind: String)
        /// Writing there would destroy or change something of the user's (`reason`).
        case unsafe(path: String, reason: String)

        public var path: String {
            switch self {
            case .exists(let path), .folderExists(let path, _), .unsafe(let path, _): path
            }
        }

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; give another -o, or --force to replace it"
            case .folderExists(let path, let kind): "\(path) already exists (\(kind)); name another folder, one that does not exist yet"
            case .unsafe(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    /// Checks `path` as the destination of `content`.
    /// - Parameters:
    ///   - replacing: whether an existing file may be replaced (`--force`).
    ///   - inputs: the files or folders the command reads; the destination is none of them.
    ///   - claimFolder: the claim folder being built, whose `evidence/` the destination must be outside.
    /// - Throws: `Refusal`.
    public static func check(_ path: String, writing content: Content, replacing: Bool,
                             inputs: [String] = [], claimFolder: URL? = nil) throws(Refusal) {
        for input in inputs where sameFile(path, input) {
            throw .unsafe(path: path, reason: "is the input \(input) itself (the same file, perhaps through a link); writing there would destroy it — give another -o")
        }
        let resolved = resolve(path)
        if let claimFolder, let folder = realPath(claimFolder.appendingPathComponent("evidence").path),
           resolved == folder || resolved.hasPrefix(folder + "/") {
            throw .unsafe(path: path, reason: "is inside the evidence of the claim folder \(claimFolder.path) being built, so the bundle would become evidence of itself; write it outside evidence/ (for example -o \((path as NSString).lastPathComponent) in the current folder)")
        }
        if let evidence = evidenceFolder(containing: resolved) {
            throw .unsafe(path: path, reason: "is inside \(evidence), the evidence of a claim folder, which claimpack never writes into; give an -o outside it")
        }
        guard let status = try? FilePath(path).stat(followTargetSymlink: false) else { return }
        if content == .folder {
            throw .folderExists(path: path, kind: kindNoun(status))
        }
        let followed: Stat
        if status.type == .symbolicLink {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let target = try? FilePath(path).stat() else {
                throw .unsafe(path: path, reason: "is a symbolic link to \(destination), which does not exist; remove the link or give another -o")
            }
            guard content == .bundle, replacing, target.type == .regular else {
                throw .unsafe(path: path, reason: "is a symbolic link (to \(destination)), which claimpack does not write through here; give the file itself or another -o")
            }
            followed = target
        } else {
            followed = status
        }
        guard followed.type == .regular else {
            throw .unsafe(path: path, reason: "\(kindNoun(followed)) is there, not a file; give another -o")
        }
        guard replacing else { throw .exists(path: path) }
        if (resolved as NSString).lastPathComponent == "claim.yaml" {
            throw .unsafe(path: path, reason: "is a claim's claim.yaml, which --force does not replace; give another -o")
        }
        let found = FileKind.sniff(path)
        let replaceable = switch content {
        case .bundle: found == .claimpackBundle
        case .pdf: found == .pdf
        case .text: found == .text
        case .folder: false
        }
        guard replaceable else {
            let what = switch content {
            case .bundle: "a claimpack bundle"
            case .pdf: "a PDF"
            case .text, .folder: "a text file"
            }
            throw .unsafe(path: path, reason: "is \(found.noun), not \(what), so --force does not replace it; move it away or give another -o")
        }
    }

    /// Whether `one` and `other` are the same file or folder (device and inode, links followed).
    private static func sameFile(_ one: String, _ other: String) -> Bool {
        guard let first = try? FilePath(one).stat(), let second = try? FilePath(other).stat() else { return false }
        return first.deviceID == second.deviceID && first.inode == second.inode
    }

    private static func realPath(_ path: String) -> String? {
        try? Paths.resolved(path)
    }

    /// `path` with its folder's links resolved, and the link itself when it is one.
    private static func resolve(_ path: String) -> String {
        if let whole = realPath(path) { return whole }
        let url = URL(fileURLWithPath: path)
        let folder = realPath(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().path
        return (folder as NSString).appendingPathComponent(url.lastPathComponent)
    }

    /// The `evidence/` folder of a claim folder that `path` lies in, if any.
    private static func evidenceFolder(containing path: String) -> String? {
        var folder = (path as NSString).deletingLastPathComponent
        while folder != "/" && !folder.isEmpty {
            let parent = (folder as NSString).deletingLastPathComponent
            if (folder as NSString).lastPathComponent == "evidence",
               FileManager.default.fileExists(atPath: (parent as NSString).appendingPathComponent("claim.yaml")) {
                return folder
            }
            folder = parent
        }
        return nil
    }

    private static func kindNoun(_ status: Stat) -> String {
        switch status.type {
        case .regular: "a file"
        case .directory: "a folder"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a named pipe"
        case .socket: "a socket"
        default: "a device"
        }
    }

    /// What an existing file is, by its first bytes.
    private enum FileKind: Equatable {
        case claimpackBundle, zip, pdf, text, other

        var noun: String {
            switch self {
            case .claimpackBundle: "a claimpack bundle"
            case .zip: "a ZIP that is not a claimpack bundle"
            case .pdf: "a PDF"
            case .text: "a text file"
            case .other: "a file of another kind"
            }
        }

        static func sniff(_ path: String) -> FileKind {
            guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
            defer { try? handle.close() }
            let head = Array((try? handle.read(upToCount: 65_536)) ?? Data())
            if head.starts(with: [0x50, 0x4B]) { return isClaimpackBundle(path) ? .claimpackBundle : .zip }
            if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
            if !head.contains(0), String(validating: head, as: UTF8.self) != nil || head.count == 65_536 { return .text }
            return .other
        }

        /// A ZIP whose entries all lie under one folder holding `bagit.txt` and `manifest.xml`.
        private static func isClaimpackBundle(_ path: String) -> Bool {
            guard let layout = try? ZipLayout.scan(path: path, maximumEntries: BundleLimits.maximumEntries),
                  let first = layout.entries.first,
                  let slash = first.rawName.firstIndex(of: UInt8(ascii: "/")) else { return false }
            let root = Array(first.rawName[...slash])
            guard layout.entries.allSatisfy({ $0.rawName.starts(with: root) }) else { return false }
            let names = Set(layout.entries.map { $0.rawName })
            return names.contains(root + Array(BundleLayout.declaration.utf8)) && names.contains(root + Array(BundleLayout.manifest.utf8))
        }
    }
}

internal import FileIO
public import Foundation
internal import SystemPackage

/// Every file under a claim folder's `evidence/`, found without following any link, with
/// the diagnostics about what was skipped or refused.
public struct EvidenceInventory: Sendable {
    /// The regular files to bundle, sorted by NFC path (bytewise).
    public private(set) var files: [EvidenceFile] = []
    /// NFC paths that exist but are not bundled: hidden files, links and other non-files.
    public private(set) var refusedPaths: [String: DiagnosticCode] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    /// How deep folders under `evidence/` may nest.
    static let maximumDepth = 32

    /// Names that file managers leave behind and that are never evidence.
    private static let systemDebris: Set<String> = ["thumbs.db", "desktop.ini", "ehthumbs.db"]

    /// Reads `folder/evidence` recursively, walking each folder from the open descriptor
    /// of its parent, never by path.
    public init(claimFolder folder: URL) {
        // The claim folder is the one the user named (through a link, if they gave one);
        // everything below it is walked by descriptor, never following a link.
        let claimFolder = try? FileDescriptor.open(path: folder.path, .readOnly, options: [.directory, .closeOnExec])
        defer { try? claimFolder?.close() }
        guard let claimFolder, let status = FileStatus(in: claimFolder, name: "evidence") else {
            report(.warning, .noEvidence, "evidence", "no evidence/ folder: the claim has no attachments; create it and put the screenshots, receipts and notes there")
            return
        }
        switch status.kind {
        case .directory:
            scan(in: claimFolder, name: "evidence", relativePath: "evidence", depth: 0)
            checkCollisions()
            if files.isEmpty {
                report(.warning, .noEvidence, "evidence", "evidence/ holds no files: the claim has no attachments")
            }
        case .symbolicLink:
            refuse("evidence", .symbolicLink, "evidence/ is a symbolic link, which is never followed; make it a real folder")
        default:
            refuse("evidence", .notRegularFile, "evidence is not a folder; make evidence/ a folder of files")
        }
        // Sorted into an array of exactly their number: the one grown file by file has up
        // to twice the room, and is held through the whole build.
        files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        diagnostics += files.compactMap(PortableName.diagnostic(for:))
    }

    private mutating func scan(in parent: FileDescriptor, name directoryName: String, relativePath: String, depth: Int) {
        guard depth < EvidenceInventory.maximumDepth else {
            refuse(relativePath, .notRegularFile, "folders nest deeper than \(EvidenceInventory.maximumDepth) levels; flatten them")
            return
        }
        guard parent.allows([.read, .search], to: directoryName),
              let listing = DirectoryListing(in: parent, name: directoryName) else {
            refuse(relativePath, .unreadableEvidence, "the folder cannot be read; check its permissions")
            return
        }
        for name in listing.names {
            let diskPath = "\(relativePath)/\(name)"
            if EvidenceInventory.isRefused(name) {
                refuse(diskPath, .invalidFileName, "the name has control characters or a backslash, or is not valid UTF-8; rename the file")
                continue
            }
            if !EvidenceInventory.startsACharacter(name) {
                refuse(diskPath, .invalidFileName, "the name begins with a combining mark or joiner, which would join the \"/\" before it in the bundle's paths; rename the file")
                continue
            }
            if name.hasPrefix(".") || EvidenceInventory.systemDebris.contains(name.lowercased()) {
                refuse(diskPath, .hiddenFileSkipped, "hidden file skipped; it is not part of the bundle", severity: .note)
                continue
            }
            guard let status = FileStatus(in: listing.descriptor, name: name) else {
                refuse(diskPath, .unreadableEvidence, "cannot be read; check its permissions")
                continue
            }
            switch status.kind {
            case .directory:
                scan(in: listing.descriptor, name: name, relativePath: diskPath, depth: depth + 1)
            case .regular:
                guard FileStatus.isReadable(in: listing.descriptor, name: name) else {
                    refuse(diskPath, .unreadableEvidence, "cannot be read; check its permissions (chmod u+r)")
                    continue
                }
                files.append(EvidenceFile(diskPath: diskPath, path: diskPath.nfc, size: status.size, identity: status.identity))
            case .symbolicLink:
                refuse(diskPath, .symbolicLink, "symbolic link, never followed; replace it with a copy of the file")
            default:
                refuse(diskPath, .notRegularFile, "\(status.kind.noun), not a regular file; only files can be evidence")
            }
        }
    }

    /// Whether a name has a character refused in evidence names (`isRefusedInName`);
    /// printable ASCII without a backslash is decided on its bytes.
    private static func isRefused(_ name: String) -> Bool {
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return name.utf8.contains(UInt8(ascii: "\\")) }
        return name.unicodeScalars.contains(where: isRefusedInName)
    }

    /// Control characters (Unicode category Cc), the replacement character that stands
    /// for bytes that are not UTF-8, the backslash, and U+FFFE and U+FFFF, which no XML
    /// document can hold (the name is the default title in `manifest.xml`).
    private static func isRefusedInName(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FFFD}" || scalar == "\\"
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Whether the name, after a "/", starts a character of its own: a name that begins
    /// with a combining mark or a zero-width joiner makes one character of "/" and its
    /// first letter, and a path compared by characters would no longer begin with its
    /// folder.
    private static func startsACharacter(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 0x80 else { return true }
        return ("/" + name).first == "/"
    }

    /// Two files (or folders) whose names are equal under NFC or letter case would become
    /// one name in the bundle, or on the recipient's disk. Names are compared as bytes:
    /// Swift's `String` equality would already treat NFC and NFD forms as one.
    private mutating func checkCollisions() {
        var paths = Set<ByteKey>()
        for file in files {
            var path = Substring(file.diskPath)
            while let slash = path.lastIndex(of: "/") {
                paths.insert(ByteKey(path))
                path = path[..<slash]
            }
        }
        let groups = Dictionary(grouping: paths.map { String(decoding: $0.utf8, as: UTF8.self) }, by: ByteKey.folded)
        for group in groups.values where group.count > 1 {
            let names = group.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let nfcForms = Set(names.map { ByteKey($0.nfc) })
            let how = nfcForms.count == 1 ? "are equal under Unicode NFC normalisation" : "differ only by letter case"
            for name in names {
                let others = names.filter { !$0.utf8.elementsEqual(name.utf8) }.map { "\"\($0)\"" }
                report(.error, .nameCollision, name,
                       "this name and \(others.joined(separator: ", ")) \(how): they would be one file in the bundle; rename one")
            }
        }
    }

    private mutating func refuse(_ diskPath: String, _ code: DiagnosticCode, _ message: String, severity: Severity = .error) {
        refusedPaths[diskPath.nfc] = code
        report(severity, code, diskPath, message)
    }

    private mutating func report(_ severity: Severity, _ code: DiagnosticCode, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(severity, code, at: SourceLocation(file: path), message))
    }
}

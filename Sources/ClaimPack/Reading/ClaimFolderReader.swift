internal import FileIO
public import Foundation
internal import SystemPackage
internal import Yams

/// Reads a claim folder — `claim.yaml` and `evidence/` — into a `Claim`, collecting every
/// problem as a diagnostic. Never changes the folder, never follows a symbolic link.
public struct ClaimFolderReader: Sendable {
    /// The date used when `claim.yaml` has no `date:`.
    public var today: CalendarDate
    /// The law table that gives `response_days` when absent and checks it when given;
    /// `nil`: `ClaimKind.defaultResponseDays`, unchecked.
    public var law: LegalProvisions?

    /// The largest `claim.yaml` read, in bytes.
    public static let maximumClaimFileSize = 1 << 20

    /// The time zone whose current UTC offset a date-time without one is told to add.
    public var timeZone: TimeZone = .current

    public init(today: CalendarDate = .today(), law: LegalProvisions? = nil) {
        self.today = today
        self.law = law
    }

    /// Reads the folder at `folder`.
    ///
    /// - Throws: `ClaimFolderError` when the folder or its `claim.yaml` does not exist or
    ///   cannot be read; everything else is reported in the returned diagnostics.
    public func read(folder: URL) throws(ClaimFolderError) -> ClaimFolderReport {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw .folderNotFound(path: folder.relativePath)
        }
        guard isDirectory.boolValue else { throw .notAFolder(path: folder.relativePath) }

        let inventory = EvidenceInventory(claimFolder: folder)
        let session = DecodingSession(file: "claim.yaml", timeZone: timeZone)
        let claimFile = folder.appendingPathComponent("claim.yaml")
        var claim: Claim?
        if let text = try loadClaimText(claimFile, session: session), YAMLLimits.check(text, session: session),
           let root = parse(text, session: session) {
            let decoder = ClaimDecoder(session: session, inventory: inventory,
                                       folderName: folder.standardizedFileURL.lastPathComponent, today: today, law: law)
            claim = decoder.decode(root)
        }
        let diagnostics = (session.diagnostics + inventory.diagnostics).sorted()
        return ClaimFolderReport(folder: folder, claim: diagnostics.containsErrors ? nil : claim,
                                 diagnostics: diagnostics, evidenceFiles: inventory.files)
    }

    /// The text of `claim.yaml`, or `nil` with a diagnostic when it is a link, not a regular
    /// file, too large or not UTF-8. The file is opened without following a link and
    /// without blocking (a named pipe put in its place is refused at once, not waited on),
    /// and what was opened is what `fstat` checks and what is read.
    private func loadClaimText(_ file: URL, session: DecodingSession) throws(ClaimFolderError) -> String? {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path: file.path, .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
        } catch {
            switch error {
            case .noSuchFileOrDirectory:
                throw .claimFileMissing(path: file.relativePath)
            case .tooManySymbolicLinkLevels:
                session.error(.symbolicLink, at: nil, "claim.yaml is a symbolic link, which is never followed; replace it with the file itself")
                return nil
            default:
                throw .claimFileUnreadable(path: file.relativePath, reason: error.description)
            }
        }
        defer { try? descriptor.close() }
        let status: FileStatus
        do { status = try FileStatus(of: descriptor) } catch {
            throw .claimFileUnreadable(path: file.relativePath, reason: error.description)
        }
        guard status.kind == .regular else {
            session.error(.unreadableClaimFile, at: nil, "claim.yaml is \(status.kind.noun), not a regular file; make it a file")
            return nil
        }
        if status.size > ClaimFolderReader.maximumClaimFileSize {
            session.error(.unreadableClaimFile, at: nil, "claim.yaml is \(status.size) bytes, more than the \(ClaimFolderReader.maximumClaimFileSize) a claim can need; keep long texts in evidence files")
            return nil
        }
        // One byte more than the bound is asked for, so a file that grew is still caught.
        var data = [UInt8](repeating: 0, count: ClaimFolderReader.maximumClaimFileSize + 1)
        let filled: Int
        do { filled = try data.withUnsafeMutableBytes { (buffer) throws(Errno) in try descriptor.read(filling: buffer) } } catch {
            throw .claimFileUnreadable(path: file.relativePath, reason: Errno(error).description)
        }
        if filled > ClaimFolderReader.maximumClaimFileSize {
            session.error(.unreadableClaimFile, at: nil, "claim.yaml is more than the \(ClaimFolderReader.maximumClaimFileSize) bytes a claim can need; keep long texts in evidence files")
            return nil
        }
        data.removeSubrange(filled...)
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        let (line, column) = UTF8Position.ofFirstInvalidByte(in: bytes)
        session.error(.unreadableClaimFile, at: TextPosition(line: line, column: column), "claim.yaml is not valid UTF-8 here; save it as UTF-8 (not Windows-1251 or UTF-16)")
        return nil
    }

    /// The YAML tree, or `nil` with a diagnostic at the position of the syntax error.
    private func parse(_ text: String, session: DecodingSession) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                session.error(.missingField, at: TextPosition(line: 1, column: 1), "claim.yaml is empty; start from 'claimpack init'")
                return nil
            }
            return root
        } catch let error as YamlError {
            YAMLErrorReport.report(error, text: text, session: session)
            return nil
        } catch {
            session.error(.yamlSyntax, at: nil, "claim.yaml cannot be parsed: \(error)")
            return nil
        }
    }
}

extension CalendarDate {
    /// Today's date in the local time zone.
    public static func today() -> CalendarDate {
        let components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}

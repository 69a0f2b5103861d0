internal import Crypto
internal import Foundation
internal import XMLKit
internal import ZipKit

/// The state of one verification: what the archive holds and what has been found.
final class VerificationRun {
    let bundle: URL
    let limits: VerificationLimits
    let schemas: URL
    let progress: (@Sendable (UInt64, UInt64) -> Void)?
    /// The day the events of the delivery record are judged on.
    let today: CalendarDate

    private(set) var findings: [Finding] = []
    var layout: ZipLayout?
    /// Whether the entries could be read at all (the later layers need them).
    var archiveReadable = false
    /// The bundle's top-level folder.
    var root: String?
    /// What was read of each regular entry (its size and digest), by name relative to the
    /// root folder: the report's contents as they are.
    var files: [String: PayloadFile] = [:]
    /// Every regular entry in the archive, read or not (an unreadable one has a finding
    /// already, so later layers do not report it missing too).
    var presentEntries: Set<String> = []
    /// The bytes of the tag files, by name relative to the root folder.
    var tagBytes: [String: [UInt8]] = [:]
    /// The checks of the tag files running while the payload is read.
    var preparation: TagFilePreparation?
    /// SHA-256 of `manifest.xml` as found.
    var seal: SHA256Digest?
    /// The claim's date, as `manifest.xml` gives it.
    var claimDate: CalendarDate?
    /// The earlier bundle `manifest.xml` cites (`<follows>`), checked by `checkFollows`.
    var followed: Follows?
    /// How many bundles deep this one is carried (0: the bundle given).
    var depth = 0
    /// Whether every entry's headers were rewritten by another tool, consistently
    /// (`checkCanonicalForm`): a re-pack, not an edit.
    var rewrittenWhole = false
    /// The directory entries, relative to the root folder (`""` for the folder itself).
    var directoryEntries: [String] = []
    /// Whose roots the chains of time-stamp tokens must lead to; `nil`: not checked.
    var trust: TimestampTrust?
    /// The time-stamp tokens found good (`checkTimestamps`).
    var timestamps: [VerifiedTimestamp] = []
    /// The extracted folder checked in place of a ZIP (`checkFolder`), or `nil`.
    var folder: BagFolder?
    /// The regular files found in the extracted folder.
    var folderFileCount = 0

    init(bundle: URL, limits: VerificationLimits, schemas: URL, today: CalendarDate,
         progress: (@Sendable (UInt64, UInt64) -> Void)?) {
        self.bundle = bundle
        self.today = today
        self.limits = limits
        self.schemas = schemas
        self.progress = progress
    }

    func add(_ finding: Finding) {
        findings.append(finding)
    }

    /// Replaces the findings `condition` selects with `replacement`, where the first was.
    func replaceFindings(where condition: (Finding) -> Bool, with replacement: Finding) {
        guard let first = findings.firstIndex(where: condition) else { return }
        findings.removeAll(where: condition)
        findings.insert(replacement, at: min(first, findings.count))
    }

    /// Replaces each finding `condition` selects with the one `transform` makes of it, in
    /// its place.
    func mapFindings(where condition: (Finding) -> Bool, _ transform: (Finding) -> Finding) {
        findings = findings.map { condition($0) ? transform($0) : $0 }
    }

    /// The findings `body` adds, taken aside instead of added.
    func findings(of body: () -> Void) -> [Finding] {
        let mark = findings.count
        body()
        defer { findings.removeSubrange(mark...) }
        return Array(findings[mark...])
    }

    /// The entries of `presentEntries` that `condition` selects, sorted: the order of the
    /// findings about them (only the selected ones are sorted: usually none).
    func presentEntries(where condition: (String) -> Bool) -> [String] {
        presentEntries.filter(condition).sorted()
    }

    /// The name of an entry as the findings show it: relative to the archive.
    func entryName(_ relative: String) -> String {
        root.map { "\($0)/\(relative)" } ?? relative
    }
}

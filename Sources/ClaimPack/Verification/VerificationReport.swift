public import Foundation

/// What `verify` found in a bundle.
public struct VerificationReport: Sendable {
    /// The bundle that was checked.
    public let bundle: URL
    /// Every finding, in the order the layers were checked: ZIP, BagIt, manifest, seal,
    /// delivery record; within a layer, by entry.
    public let findings: [Finding]
    /// The SHA-256 of `manifest.xml` as found, or `nil` when there is none.
    public let seal: SHA256Digest?
    /// The bundle's id: its top-level folder.
    public let bundleID: String?
    /// Entries in the archive.
    public let entryCount: Int

    /// The verdict: intact, content intact in a re-packed container, or not intact.
    /// Why `seal` is `nil`, for a `seal:` line: the reading stopped at the entry limit
    /// (V118) before `manifest.xml`, or it is missing or unreadable.
    public var sealAbsence: String {
        findings.contains { $0.code == .tooManyEntries }
            ? "none (not read: more entries than the limit, see V118)"
            : "none (manifest.xml is missing or unreadable)"
    }

    public var verdict: VerificationVerdict {
        if findings.contains(where: { $0.severity == .error }) { return .notIntact }
        if isExtractedFolder { return .extractedFolder }
        // A carried earlier bundle's V130 (under its entry) is a fact about sealed evidence.
        return findings.contains { $0.code == .repacked && $0.entry == nil } ? .repacked : .intact
    }

    /// Whether the bundle is intact as claimpack wrote it: no error, not re-packed.
    public var isIntact: Bool { verdict == .intact }

    /// The tag files as read, by name inside the bundle's folder (for reading the claim
    /// and the record of an intact bundle without a second pass).
    let tagFiles: [String: [UInt8]]
    /// Each regular entry's size and digest, by name inside the bundle's folder.
    let contents: [String: PayloadFile]
    /// The time-stamp tokens found good, in the order of their events: when, by whom.
    public var timestamps: [VerifiedTimestamp] = []
    /// Whether `bundle` is an extracted folder, checked in place of the ZIP.
    public internal(set) var isExtractedFolder = false
}

/// Why a bundle could not be checked at all (exit status 66).
public enum VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "\(path): cannot be read (\(reason)); give the path of a bundle (.zip)"
        }
    }
}

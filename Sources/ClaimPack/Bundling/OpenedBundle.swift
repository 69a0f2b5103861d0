public import Foundation
internal import XMLKit

/// An intact bundle, read: its claim, its delivery record and its seal.
public struct OpenedBundle: Sendable {
    public let url: URL
    public let claim: Claim
    public let record: DeliveryRecord
    public let seal: SHA256Digest
    /// The verification that opened it (intact, possibly with warnings).
    public let report: VerificationReport

    /// Verifies `url` and reads it.
    ///
    /// - Parameter readOnly: also accept the content intact in another container (a ZIP
    ///   re-packed by another tool, V130, or an extracted folder): enough for a command
    ///   that only reads the claim (`status`, `letter`, `list`, `escalate`), not for one
    ///   that rewrites the bundle.
    /// - Throws: `BundleError.notIntact` with the report when verification finds an error
    ///   (or the container is not claimpack's, unless `readOnly`), `.cannotRead` when the
    ///   file cannot be read at all.
    public static func open(_ url: URL, verifier: BundleVerifier, readOnly: Bool = false) throws(BundleError) -> OpenedBundle {
        let report: VerificationReport
        do {
            report = try verifier.verify(url)
        } catch {
            throw .cannotRead(error.description)
        }
        guard report.isIntact || (readOnly && report.verdict != .notIntact) else { throw .notIntact(report) }
        guard let seal = report.seal,
              let manifestBytes = report.tagFiles[BundleLayout.manifest],
              let recordBytes = report.tagFiles[BundleLayout.deliveryRecord],
              let manifest = try? XMLDocument(parsing: manifestBytes, name: BundleLayout.manifest).root,
              let recordRoot = try? XMLDocument(parsing: recordBytes, name: BundleLayout.deliveryRecord).root,
              let claim = ManifestDocument.claim(from: manifest),
              let record = DeliveryRecordDocument.record(from: recordRoot)
        else { throw .unreadable(url.path) }
        return OpenedBundle(url: url, claim: claim, record: record, seal: seal, report: report)
    }
}

/// Why a bundle cannot be used by `deliver`, `status` or `letter`.
public enum BundleError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be read at all (exit 66).
    case cannotRead(String)
    /// Verification found errors, or a re-packed container (V130); the report says which.
    case notIntact(VerificationReport)
    /// Intact, but its documents do not read as a claim (a claimpack bug).
    case unreadable(String)

    public var description: String {
        switch self {
        case .cannotRead(let message): message
        case .notIntact(let report) where report.verdict == .repacked:
            "\(report.bundle.path): its content is intact, but another tool re-packed the ZIP (V130); it is refused: this command needs the bundle claimpack wrote (deliver and timestamp rewrite it, escalate carries it into the next claim); use the sender's original, or build it again"
        case .notIntact(let report) where report.verdict == .extractedFolder:
            "\(report.bundle.path): an extracted folder (its content is intact); it is refused: this command needs the bundle's .zip claimpack wrote (deliver and timestamp rewrite it, escalate carries it into the next claim)"
        case .notIntact(let report):
            "\(report.bundle.path) does not verify (\(Plural.english(report.findings.filter { $0.severity == .error }.count, "error")); see 'claimpack verify'); it is refused"
        case .unreadable(let path): "\(path): its manifest or delivery record cannot be read back; please report this claimpack bug"
        }
    }
}

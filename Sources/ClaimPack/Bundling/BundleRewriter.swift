internal import Foundation
internal import XMLKit
internal import ZipKit

/// Writes a new version of a verified bundle with another delivery record and more
/// payload (proofs), and puts it in the old one's place.
///
/// The rewriter owns four tag files: `delivery.xml`, `manifest-sha256.txt`,
/// `bag-info.txt` (only its `Payload-Oxum` line changes) and `tagmanifest-sha256.txt`
/// (every tag file in the archive, known or not, listed with its digest). Every other
/// entry — `manifest.xml` (so the seal), the evidence, earlier proofs, and any entry a
/// later claimpack added — is copied as it is stored: its compressed bytes byte for byte,
/// never inflated nor deflated again, in the old archive's order, with its date and
/// attributes. New payload goes after the last entry under `data/`.
///
/// The old bundle is read twice: once by the verification that opened it (the digests of
/// every entry come from there) and once to copy it. The new archive is not verified again
/// in full: its structure is read back (`ZipLayout`) and every copied entry must have kept
/// its method, CRC-32 and sizes, every written one its size.
struct BundleRewriter {
    let schemas: URL

    /// Rewrites `bundle` with `record` and `newPayload`; returns the bundle as rewritten.
    ///
    /// - Parameter replacement: the locked bundle file (`BundleReplacement.lock`), or
    ///   `nil` to lock `bundle.url` here.
    @discardableResult
    func rewrite(_ bundle: OpenedBundle, record: DeliveryRecord, newPayload: [(file: PayloadFile, bytes: [UInt8])],
                 replacement: BundleReplacement? = nil) throws(BuildError) -> OpenedBundle {
        let bytes: [UInt8]
        do { bytes = try DeliveryRecordDocument.bytes(for: record).bytes } catch {
            throw .invalidDocument(name: BundleLayout.deliveryRecord, problems: [error.description])
        }
        try validate(bytes)
        let locked: BundleReplacement
        if let replacement { locked = replacement } else { locked = try BundleReplacement.lock(bundle.url) }
        let report = try rewrite(bundle.report, root: bundle.claim.id, date: bundle.claim.date, deliveryBytes: bytes,
                                 newPayload: newPayload, replacement: locked)
        return OpenedBundle(url: bundle.url, claim: bundle.claim, record: record, seal: bundle.seal, report: report)
    }

    /// The same with `delivery.xml` given as bytes, which are only checked against the
    /// schema (tests make consistent bundles with a tampered record this way).
    func rewrite(_ bundle: OpenedBundle, deliveryBytes: [UInt8], newPayload: [(file: PayloadFile, bytes: [UInt8])]) throws(BuildError) {
        try validate(deliveryBytes)
        _ = try rewrite(bundle.report, root: bundle.claim.id, date: bundle.claim.date, deliveryBytes: deliveryBytes,
                        newPayload: newPayload, replacement: BundleReplacement.lock(bundle.url))
    }

    /// Rewrites the bundle `old` reports on (read under `replacement`'s lock) with
    /// `deliveryBytes` and `newPayload`; returns the report of the new version, made from
    /// the old one and what was written (the old findings are kept: nothing they concern
    /// was changed).
    func rewrite(_ old: VerificationReport, root: String, date: CalendarDate, deliveryBytes: [UInt8],
                 newPayload: [(file: PayloadFile, bytes: [UInt8])],
                 replacement: BundleReplacement) throws(BuildError) -> VerificationReport {
        try rewrite(old, of: replacement.file, root: root, date: date, deliveryBytes: deliveryBytes, newPayload: newPayload,
                    carried: nil, replacement: replacement)
    }

    /// Payload copied as stored from another archive than the one rewritten.
    struct Carried {
        let archive: URL
        /// The files, with their entries in `archive`.
        let files: [(file: PayloadFile, entry: ZipLayout.Entry)]
    }

    /// Rewrites the archive `source` (which `old` reports on) into a temporary file beside
    /// `replacement`'s bundle, then puts it in the bundle's place.
    func rewrite(_ old: VerificationReport, of source: URL, root: String, date: CalendarDate, deliveryBytes: [UInt8],
                 newPayload: [(file: PayloadFile, bytes: [UInt8])], carried: Carried?,
                 replacement: BundleReplacement) throws(BuildError) -> VerificationReport {
        let layout: ZipLayout
        let reader: ZipArchiveReader
        var carriedReader: ZipArchiveReader?
        do {
            layout = try ZipLayout.scan(path: source.path, maximumEntries: VerificationLimits().maximumEntries)
            reader = try ZipArchiveReader(path: source.path)
            if let carried { carriedReader = try ZipArchiveReader(path: carried.archive.path) }
        } catch {
            throw .writeFailed(path: replacement.given.path, reason: "the bundle cannot be read again: \(error)")
        }
        let plan = RewritePlan(old: old, root: root, deliveryBytes: deliveryBytes, newPayload: newPayload,
                               carried: carried?.files ?? [], layout: layout)
        let timestamp = BundleLayout.entryTimestamp(for: date)
        try replacement.withTemporaryFile { (temporary: URL) throws(BuildError) in
            try write(plan, to: temporary, readers: (reader, carriedReader ?? reader), timestamp: timestamp)
            try check(temporary, against: plan)
            try replacement.replace(with: temporary)
        }
        return VerificationReport(bundle: old.bundle, findings: old.findings, seal: old.seal, bundleID: old.bundleID,
                                  entryCount: plan.steps.count, tagFiles: plan.tagFiles, contents: plan.contents)
    }

    private func validate(_ deliveryBytes: [UInt8]) throws(BuildError) {
        do {
            let schema = try XMLSchema(contentsOf: schemas.appendingPathComponent(BundleBuilder.deliverySchema).path)
            let violations = schema.violations(inBytes: deliveryBytes, name: BundleLayout.deliveryRecord)
            if !violations.isEmpty { throw BuildError.invalidDocument(name: BundleLayout.deliveryRecord, problems: violations.map(\.description)) }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .invalidDocument(name: BundleLayout.deliveryRecord, problems: ["\(error)"])
        }
    }

    /// The entries of `plan`, in its order, written to `temporary`.
    private func write(_ plan: RewritePlan, to temporary: URL, readers: (old: ZipArchiveReader, carried: ZipArchiveReader),
                       timestamp: DOSTimestamp) throws(BuildError) {
        do {
            let writer = try ZipArchiveWriter(creatingAt: temporary.path)
            for step in plan.steps {
                switch step {
                case .copy(let name, let entry), .carry(let name, let entry):
                    let reader = if case .carry = step { readers.carried } else { readers.old }
                    try writer.addCopy(name, of: entry.index, in: reader, method: entry.method,
                                       timestamp: DOSTimestamp(time: entry.central.time, date: entry.central.date),
                                       attributes: (entry.madeBy, entry.externalAttributes))
                case .write(let name, let bytes, let compression):
                    try writer.add(name, bytes: bytes, compression: compression, timestamp: timestamp)
                }
            }
            try writer.close()
        } catch {
            throw .writeFailed(path: temporary.path, reason: "\(error)")
        }
    }

    /// Reads back the structure of the new archive: the entries of `plan`, in its order;
    /// each copied one with its method, CRC-32 and sizes; each written one with its size.
    private func check(_ temporary: URL, against plan: RewritePlan) throws(BuildError) {
        let written: ZipLayout
        do {
            written = try ZipLayout.scan(path: temporary.path, maximumEntries: plan.steps.count)
            _ = try ZipArchiveReader(path: temporary.path)
        } catch {
            throw .writeFailed(path: temporary.path, reason: "the new version cannot be read back: \(error)")
        }
        let problem = "the new version does not hold what was written; nothing was replaced. Please report this claimpack bug"
        guard written.entries.count == plan.steps.count, written.anomalies.isEmpty else {
            throw .writeFailed(path: temporary.path, reason: problem)
        }
        for (entry, step) in zip(written.entries, plan.steps) {
            let same = switch step {
            case .copy(let name, let old), .carry(let name, let old):
                entry.rawName == Array(name.utf8) && entry.method == old.method && entry.crc == old.crc
                    && entry.compressedSize == old.compressedSize && entry.uncompressedSize == old.uncompressedSize
            case .write(let name, let bytes, _):
                entry.rawName == Array(name.utf8) && entry.uncompressedSize == UInt64(bytes.count)
            }
            guard same else { throw .writeFailed(path: temporary.path, reason: "\(String(decoding: entry.rawName, as: UTF8.self)): \(problem)") }
        }
    }
}

internal import FileIO
public import Foundation
internal import SystemPackage
internal import XMLKit
internal import ZipKit

/// Builds a claim bundle: a deterministic ZIP, written with libzip, that is also a BagIt
/// 1.0 bag with an XML manifest valid against `Schemas/`, sealed by the manifest's SHA-256.
///
/// Entries, all under one folder named after the claim's id, are written in this fixed
/// order: `bagit.txt`; the evidence under `data/evidence/`, sorted bytewise by NFC path;
/// `manifest-sha256.txt`, `manifest.xml`, `delivery.xml`, `bag-info.txt`,
/// `tagmanifest-sha256.txt`. The tag files come after the payload because they carry its
/// digests, and each evidence byte is read once, as it is archived.
public struct BundleBuilder: Sendable {
    /// The folder holding `claim-manifest-1.xsd` and `delivery-record-1.xsd`.
    public var schemas: URL
    /// Written into `bag-info.txt` as `Bag-Software-Agent`.
    public var software: String
    /// Told the bytes of evidence read so far and the total, as the build goes.
    public var progress: (@Sendable (_ done: UInt64, _ total: UInt64) -> Void)?

    public static let manifestSchema = BundleLayout.schemaFiles[0]
    public static let deliverySchema = BundleLayout.schemaFiles[1]

    public init(schemas: URL, software: String = "claimpack", progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) {
        self.schemas = schemas
        self.software = software
        self.progress = progress
    }

    /// Writes the bundle of `report`'s claim to `output`.
    ///
    /// The bundle is written to a hidden temporary file beside `output` and renamed into
    /// place; after any failure nothing is left. The claim folder is only read.
    ///
    /// Replacing an existing bundle (`--force`) goes through `BundleReplacement`: the file a
    /// symbolic link leads to is replaced, locked meanwhile, keeping its permissions, owner
    /// and group. When its delivery record holds events after `prepared`, they are carried
    /// over into the new bundle with their proofs if the seal is the same (`BuildResult.notes`
    /// says so); otherwise the build is refused, unless `discardingDelivery`.
    /// - Parameters:
    ///   - replacing: whether an existing `output` may be replaced (`--force`).
    ///   - discardingDelivery: whether an old bundle's delivery record may be lost
    ///     (`--discard-delivery`).
    /// - Throws: `BuildError`.
    public func build(_ report: ClaimFolderReport, to output: URL, replacing: Bool,
                      discardingDelivery: Bool = false) throws(BuildError) -> BuildResult {
        guard let read = report.claim, report.isBuildable else {
            throw .claimHasErrors(count: report.diagnostics.count(of: .error))
        }
        let claim = try FollowedBundleCheck.resolve(read, folder: report.folder, files: report.evidenceFiles, schemas: schemas)
        let target = output.standardizedFileURL
        try checkOutput(target, replacing: replacing, claimFolder: report.folder)
        let manifestSchema = try loadSchema(BundleBuilder.manifestSchema)
        let deliverySchema = try loadSchema(BundleBuilder.deliverySchema)
        let schemaBytes = try loadSchemaBytes()
        let (replacement, previous, previousBundle) = try existingBundle(at: target, replacing: replacing,
                                                                         discardingDelivery: discardingDelivery)

        let assembly = BundleAssembly(claim: claim, files: report.evidenceFiles, folder: report.folder,
                                      software: software, progress: progress,
                                      manifestSchema: manifestSchema, deliverySchema: deliverySchema,
                                      schemaBytes: schemaBytes)
        try assembly.checkLimits()
        var notes: [String] = []
        let write = { (temporary: URL) throws(BuildError) in
            defer { assembly.stopReading() }
            do {
                let writer = try ZipArchiveWriter(creatingAt: temporary.path)
                try assembly.addEntries(to: writer)
                try writer.close()
                try assembly.checkDocuments()
            } catch {
                throw BundleBuilder.buildError(error, output: target)
            }
        }
        if let replacement {
            try replacement.withTemporaryFile { (temporary: URL) throws(BuildError) in
                try write(temporary)
                guard let seal = assembly.seal else { throw .writeFailed(path: target.path, reason: "the manifest was not written") }
                if let previous, discardingDelivery {
                    notes.append("discarded the delivery record of the old \(target.lastPathComponent): \(previous.summary)")
                } else if let previous, let previousBundle {
                    guard previousBundle.seal == seal else {
                        throw .deliveryRecordInTheWay(path: target.path, events: previous.laterEvents,
                                                      why: "the new seal \(seal.hex) differs from the old \(previousBundle.seal.hex): the claim changed, and that record belongs to the old claim")
                    }
                    try carry(previousBundle, into: temporary, claim: claim, replacement: replacement)
                    notes.append("carried over the delivery record of the old \(target.lastPathComponent) (same seal): \(previous.summary)")
                    return
                }
                try replacement.replace(with: temporary)
            }
            notes += replacement.notes
        } else {
            try TemporaryFiles.shared.withTemporaryFile(beside: target) { (temporary: URL) throws(BuildError) in
                try write(temporary)
                try commit(temporary, to: target, replacing: replacing)
            }
        }
        guard let seal = assembly.seal else { throw .writeFailed(path: target.path, reason: "the manifest was not written") }
        return BuildResult(bundle: target, seal: seal, payload: assembly.payloadInOrder, notes: notes)
    }

    /// The existing bundle `--force` replaces, locked; its delivery record when it holds
    /// events after `prepared`; the bundle verified when that record is to be carried over.
    ///
    /// - Throws: `.deliveryRecordInTheWay` when the record cannot be carried over (the old
    ///   bundle is damaged or does not verify) and may not be discarded.
    private func existingBundle(at target: URL, replacing: Bool, discardingDelivery: Bool)
        throws(BuildError) -> (BundleReplacement?, PreviousDelivery?, OpenedBundle?) {
        guard replacing, FileStatus(path: target.path) != nil else { return (nil, nil, nil) }
        let replacement: BundleReplacement
        do {
            replacement = try BundleReplacement.lock(target)
        } catch .readOnly {
            throw .cannotCreateOutput(path: target.path, reason: "the file there is read-only; make it writable (chmod u+w) to replace it")
        }
        let found = PreviousDelivery.read(replacement.file)
        guard let previous = found, !discardingDelivery else { return (replacement, found, nil) }
        guard previous.record != nil else {
            throw .deliveryRecordInTheWay(path: target.path, events: [],
                                          why: "the old bundle is damaged (see 'claimpack verify'), so they cannot be carried over")
        }
        // The record is carried over only from a bundle that verifies.
        do {
            let bundle = try OpenedBundle.open(replacement.file, verifier: BundleVerifier(schemas: schemas))
            return (replacement, previous, bundle)
        } catch {
            throw .deliveryRecordInTheWay(path: target.path, events: previous.laterEvents,
                                          why: "the old bundle does not verify (see 'claimpack verify'), so they cannot be carried over")
        }
    }

    /// Puts the new bundle at `built`, with the delivery record and the proofs of `old`
    /// (same seal) copied as stored, in `old`'s place.
    private func carry(_ old: OpenedBundle, into built: URL, claim: Claim, replacement: BundleReplacement) throws(BuildError) {
        let report: VerificationReport
        do { report = try BundleVerifier(schemas: schemas).verify(built) } catch {
            throw .writeFailed(path: built.path, reason: error.description)
        }
        guard report.isIntact, let recordBytes = old.report.tagFiles[BundleLayout.deliveryRecord] else {
            throw .writeFailed(path: replacement.given.path, reason: "the new bundle does not verify before its record is carried over: \(report.findings.map(\.description).joined(separator: "; "))")
        }
        let layout: ZipLayout
        do { layout = try ZipLayout.scan(path: replacement.file.path, maximumEntries: VerificationLimits().maximumEntries) } catch {
            throw .writeFailed(path: replacement.given.path, reason: "the old bundle cannot be read again: \(error)")
        }
        let prefix = Array((claim.id + "/").utf8)
        let entries = Dictionary(layout.entries.map { (String(decoding: $0.rawName.dropFirst(prefix.count), as: UTF8.self), $0) },
                                 uniquingKeysWith: { first, _ in first })
        let proofs = old.report.contents.values.filter { $0.path.hasPrefix(BundleLayout.deliveryFolder) || $0.path.hasPrefix(BundleLayout.timestampFolder) }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var carried: [(file: PayloadFile, entry: ZipLayout.Entry)] = []
        for proof in proofs {
            guard let entry = entries[proof.path] else {
                throw .writeFailed(path: replacement.given.path, reason: "\(proof.path) cannot be found again in the old bundle")
            }
            carried.append((proof, entry))
        }
        _ = try BundleRewriter(schemas: schemas).rewrite(report, of: built, root: claim.id, date: claim.date, deliveryBytes: recordBytes,
                                                         newPayload: [], carried: .init(archive: replacement.file, files: carried),
                                                         replacement: replacement)
    }

    /// Refuses an output that would destroy or change a file of the user's
    /// (`OutputDestination`): inside the claim folder, a link that does not lead to a
    /// bundle, an existing file that is not a claimpack bundle.
    private func checkOutput(_ target: URL, replacing: Bool, claimFolder: URL) throws(BuildError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let folder = target.deletingLastPathComponent()
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .outputFolderMissing(path: folder.path)
        }
        guard fileManager.isWritableFile(atPath: folder.path) else {
            throw .cannotCreateOutput(path: target.path, reason: "the folder is not writable")
        }
        do {
            try OutputDestination.check(target.path, writing: .bundle, replacing: replacing, claimFolder: claimFolder)
        } catch .exists(let path) {
            throw .outputExists(path: path)
        } catch {
            throw .outputRefused(error.description)
        }
    }

    /// The schemas the bundle carries (`BundleLayout.schemaFiles`), as they are in `schemas`.
    private func loadSchemaBytes() throws(BuildError) -> [String: [UInt8]] {
        var bytes: [String: [UInt8]] = [:]
        for name in BundleLayout.schemaFiles {
            let path = schemas.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .schemaUnavailable(path: path, reason: "cannot be read")
            }
            bytes[name] = Array(data)
        }
        return bytes
    }

    private func loadSchema(_ name: String) throws(BuildError) -> XMLSchema {
        let path = schemas.appendingPathComponent(name).path
        do {
            return try XMLSchema(contentsOf: path)
        } catch {
            throw .schemaUnavailable(path: path, reason: error.description)
        }
    }

    /// Gives the finished file its name (`ZipArchiveWriter.close()` has flushed it to the
    /// device): replacing an existing file only when allowed, and never a file that
    /// appeared meanwhile otherwise.
    private func commit(_ temporary: URL, to target: URL, replacing: Bool) throws(BuildError) {
        do throws(Errno) {
            if replacing {
                try Paths.rename(temporary.path, to: target.path)
            } else {
                try Paths.link(temporary.path, as: target.path)
            }
        } catch {
            if !replacing, error == .fileExists { throw .outputExists(path: target.path) }
            throw .cannotCreateOutput(path: target.path, reason: error.description)
        }
    }

    private static func buildError(_ error: any Error, output: URL) -> BuildError {
        switch error {
        case let error as BuildError:
            return error
        case ZipError.contentFailed(_, let underlying as BuildError):
            return underlying
        case ZipError.contentFailed(let entry, let underlying):
            return .writeFailed(path: output.path, reason: "\(entry): \(underlying)")
        case ZipError.cannotOpen(_, let reason):
            return .cannotCreateOutput(path: output.path, reason: reason)
        case ZipError.cannotWrite(_, let reason):
            return .writeFailed(path: output.path, reason: reason)
        case let error as ZipError:
            return .writeFailed(path: output.path, reason: "\(error)")
        default:
            return .writeFailed(path: output.path, reason: "\(error)")
        }
    }
}

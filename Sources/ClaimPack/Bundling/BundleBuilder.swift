public import Foundation
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

    public static let manifestSchema = "claim-manifest-1.xsd"
    public static let deliverySchema = "delivery-record-1.xsd"

    public init(schemas: URL, software: String = "claimpack", progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) {
        self.schemas = schemas
        self.software = software
        self.progress = progress
    }

    /// Writes the bundle of `report`'s claim to `output`.
    ///
    /// The bundle is written to a hidden temporary file beside `output` and renamed into
    /// place; after any failure nothing is left. The claim folder is only read.
    /// - Parameter replacing: whether an existing `output` may be replaced (`--force`).
    /// - Throws: `BuildError`.
    public func build(_ report: ClaimFolderReport, to output: URL, replacing: Bool) throws(BuildError) -> BuildResult {
        guard let claim = report.claim, report.isBuildable else {
            throw .claimHasErrors(count: report.diagnostics.count(of: .error))
        }
        let target = output.standardizedFileURL
        try checkOutput(target, replacing: replacing)
        let manifestSchema = try loadSchema(BundleBuilder.manifestSchema)
        let deliverySchema = try loadSchema(BundleBuilder.deliverySchema)

        let assembly = BundleAssembly(claim: claim, files: report.evidenceFiles, folder: report.folder,
                                      software: software, progress: progress,
                                      manifestSchema: manifestSchema, deliverySchema: deliverySchema)
        try assembly.checkLimits()
        try TemporaryFiles.shared.withTemporaryFile(beside: target) { (temporary: URL) throws(BuildError) in
            defer { assembly.stopReading() }
            do {
                let writer = try ZipArchiveWriter(creatingAt: temporary.path)
                try assembly.addEntries(to: writer)
                try writer.close()
                try assembly.checkDocuments()
            } catch {
                throw BundleBuilder.buildError(error, output: target)
            }
            try commit(temporary, to: target, replacing: replacing)
        }
        guard let seal = assembly.seal else { throw .writeFailed(path: target.path, reason: "the manifest was not written") }
        return BuildResult(bundle: target, seal: seal, payload: assembly.payloadInOrder)
    }

    private func checkOutput(_ target: URL, replacing: Bool) throws(BuildError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let folder = target.deletingLastPathComponent()
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .outputFolderMissing(path: folder.path)
        }
        guard fileManager.isWritableFile(atPath: folder.path) else {
            throw .cannotCreateOutput(path: target.path, reason: "the folder is not writable")
        }
        if let status = FileStatus(path: target.path) {
            guard status.kind == .regular else {
                throw .cannotCreateOutput(path: target.path, reason: "something other than a file is there")
            }
            if !replacing { throw .outputExists(path: target.path) }
        }
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
        if replacing {
            guard rename(temporary.path, target.path) == 0 else {
                throw .cannotCreateOutput(path: target.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        guard link(temporary.path, target.path) == 0 else {
            if errno == EEXIST { throw .outputExists(path: target.path) }
            throw .cannotCreateOutput(path: target.path, reason: String(cString: strerror(errno)))
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

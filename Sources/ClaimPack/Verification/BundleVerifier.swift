internal import FileIO
public import Foundation
internal import SystemPackage
internal import XMLKit
internal import ZipKit

/// Checks a bundle completely and safely, whoever made it: the ZIP structure, the BagIt
/// layer, `manifest.xml` against the schema and against the evidence, the seal, and the
/// delivery record's hash chain. Nothing is extracted to disk; each byte of each entry is
/// read once; memory stays bounded whatever the archive claims.
public struct BundleVerifier: Sendable {
    /// The folder holding the schemas.
    public var schemas: URL
    public var limits: VerificationLimits
    /// Told the bytes read so far and the total, as the check goes.
    public var progress: (@Sendable (_ done: UInt64, _ total: UInt64) -> Void)?
    /// The day the delivery record is judged on: an event after it is reported (V507).
    public var today: CalendarDate
    /// How many bundles deep this one is carried (0: the bundle given); see `checkFollows`.
    var depth = 0
    /// Whose roots the chains of time-stamp tokens must lead to (`verify --trust`, or the
    /// system's store); `nil`, the default, checks tokens without their chains.
    public var trust: TimestampTrust?

    public init(schemas: URL, limits: VerificationLimits = VerificationLimits(), today: CalendarDate = .today(),
                progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) {
        self.schemas = schemas
        self.limits = limits
        self.today = today
        self.progress = progress
    }

    /// Checks the bundle at `bundle`: a ZIP, or an extracted bundle (a folder: the bag's
    /// own, or the one `unzip` made around it); with `expectedSeal`, also that its seal
    /// is that one.
    ///
    /// - Throws: `VerificationError.cannotRead` only when the file does not exist or
    ///   cannot be opened at all, or a folder holds no bag; everything else is a finding.
    public func verify(_ bundle: URL, expectedSeal: SHA256Digest? = nil) throws(VerificationError) -> VerificationReport {
        let path = bundle.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotRead(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { return try verifyFolder(bundle, expectedSeal: expectedSeal) }
        // Opened without blocking and checked with fstat: a named pipe must not hang verify.
        let probe: FileDescriptor
        do { probe = try FileDescriptor.open(path: path, .readOnly, options: [.nonBlocking, .closeOnExec]) } catch {
            throw .cannotRead(path: path, reason: error.description)
        }
        let status = FileStatus(descriptor: probe)
        try? probe.close()
        if let kind = status?.kind, kind != .regular { throw .cannotRead(path: path, reason: "\(kind.noun), not a regular file") }

        let run = makeRun(bundle)
        run.checkArchive()
        if run.archiveReadable {
            checkContent(run, expectedSeal: expectedSeal) {
                // Before the carried bundle's findings join: only this archive's form is judged.
                run.judgeRepacking()
            }
        } else if let expectedSeal {
            run.add(Finding(.sealMismatch, "the seal cannot be computed from this file, so it cannot be \(expectedSeal.grouped)"))
        }
        return VerificationReport(bundle: bundle, findings: run.findings, seal: run.seal, bundleID: run.root,
                                  entryCount: run.layout?.entries.count ?? 0, tagFiles: run.tagBytes,
                                  contents: run.files, timestamps: run.timestamps)
    }

    /// An extracted bundle: the same checks and codes as a ZIP's, the folder read in place
    /// of the archive (`checkFolder`), and held to what a re-packed ZIP is (`judgeFolder`).
    private func verifyFolder(_ url: URL, expectedSeal: SHA256Digest?) throws(VerificationError) -> VerificationReport {
        let folder = try BagFolder(url)
        let run = makeRun(url)
        run.folder = folder
        run.checkFolder(folder)
        if run.archiveReadable {
            checkContent(run, expectedSeal: expectedSeal) { run.judgeFolder() }
        } else if let expectedSeal {
            run.add(Finding(.sealMismatch, "the seal cannot be computed from this folder, so it cannot be \(expectedSeal.grouped)"))
        }
        var report = VerificationReport(bundle: url, findings: run.findings, seal: run.seal, bundleID: run.root,
                                        entryCount: run.folderFileCount, tagFiles: run.tagBytes,
                                        contents: run.files, timestamps: run.timestamps)
        report.isExtractedFolder = true
        return report
    }

    /// Whether `url` is a folder holding an extracted bundle: `bagit.txt` in it, or in the
    /// one folder inside it that has one (what `verify` reads as a folder).
    public static func isExtractedBundle(_ url: URL) -> Bool {
        (try? BagFolder(url)) != nil
    }

    private func makeRun(_ bundle: URL) -> VerificationRun {
        let run = VerificationRun(bundle: bundle, limits: limits, schemas: schemas, today: today, progress: progress)
        run.depth = depth
        run.trust = trust
        return run
    }

    /// The checks that do not depend on the container, on what it read; `judgeContainer`
    /// runs before a carried bundle's findings join.
    private func checkContent(_ run: VerificationRun, expectedSeal: SHA256Digest?, judgeContainer: () -> Void) {
        run.checkBagIt()
        run.checkManifest()
        run.checkCarriedSchemas()
        run.checkSeal(expected: expectedSeal)
        run.checkDeliveryRecord()
        run.preparation?.release()
        judgeContainer()
        run.checkFollows()
    }
}

import Foundation
import Testing
@testable import ClaimPack

/// Swaps between listing and reading, made to happen deterministically: the folder is
/// read (`ClaimFolderReader`), changed, then built from that report, as a program racing
/// `build` would change it between its listing and its reads. Each swap is an error that
/// names the file; nothing outside the folder is read, nothing blocks, nothing is written.
@Suite(.timeLimit(.minutes(5))) struct EvidenceSwapTests {
    /// Small files are read by the pipeline's background thread, large ones (over a slot)
    /// by libzip's: both open through `EvidenceOpener`.
    static let sizes = [10, PayloadPipeline.slotSize + 1000]

    /// A claim folder with `evidence/sub/a.txt` and `evidence/b.txt`, both `size` bytes of
    /// text, and a folder outside it holding `sub/a.txt` of the same size.
    static func folders(size: Int) throws -> (claim: TemporaryFolder, outside: TemporaryFolder) {
        let claim = try TemporaryFolder()
        try claim.write("claim.yaml", BundleTestSupport.claimYAML())
        try claim.write("evidence/sub/a.txt", String(repeating: "a", count: size))
        try claim.write("evidence/b.txt", String(repeating: "b", count: size))
        let outside = try TemporaryFolder("outside")
        try outside.write("sub/a.txt", String(repeating: "S", count: size))
        try outside.write("b.txt", String(repeating: "S", count: size))
        return (claim, outside)
    }

    /// Builds `report` and returns the error, checking that no bundle was left behind.
    static func buildError(_ report: ClaimFolderReport, in folder: TemporaryFolder) -> BuildError? {
        #expect(report.isBuildable, "\(report.diagnostics)")
        let output = folder.url.deletingLastPathComponent().appendingPathComponent("out.zip")
        defer {
            #expect(!FileManager.default.fileExists(atPath: output.path), "a bundle was written")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
            #expect(!left.contains { $0.contains("partial") || $0.hasPrefix(".out.zip") }, "\(left)")
        }
        do {
            _ = try BundleTestSupport.builder.build(report, to: output, replacing: false)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: sizes)
    func folderSwappedForALinkToOutsideIsNotFollowed(_ size: Int) throws {
        let (claim, outside) = try Self.folders(size: size)
        let report = try TestSupport.reader.read(folder: claim.url)
        let sub = claim.url.appendingPathComponent("evidence/sub")
        try FileManager.default.moveItem(at: sub, to: claim.url.appendingPathComponent("moved"))
        try FileManager.default.createSymbolicLink(at: sub, withDestinationURL: outside.url.appendingPathComponent("sub"))
        let error = Self.buildError(report, in: claim)
        guard case .evidenceReplaced(let path, let reason) = error else {
            Issue.record("expected evidenceReplaced, got \(String(describing: error))")
            return
        }
        #expect(path == "evidence/sub/a.txt")
        #expect(reason.contains("evidence/sub is now a symbolic link"), "\(reason)")
        #expect(error?.description.contains("evidence/sub/a.txt: changed after the claim folder was listed") == true)
        #expect(error?.exitStatus == 74)
    }

    @Test(arguments: sizes)
    func fileSwappedForALinkIsNotFollowed(_ size: Int) throws {
        let (claim, outside) = try Self.folders(size: size)
        let report = try TestSupport.reader.read(folder: claim.url)
        let file = claim.url.appendingPathComponent("evidence/b.txt")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside.url.appendingPathComponent("b.txt"))
        guard case .evidenceReplaced(let path, let reason) = Self.buildError(report, in: claim) else {
            Issue.record("expected evidenceReplaced")
            return
        }
        #expect(path == "evidence/b.txt" && reason.contains("symbolic link"), "\(reason)")
    }

    @Test(arguments: sizes)
    func fileSwappedForAPipeIsAnErrorAtOnce(_ size: Int) throws {
        let (claim, _) = try Self.folders(size: size)
        let report = try TestSupport.reader.read(folder: claim.url)
        let file = claim.url.appendingPathComponent("evidence/b.txt")
        try FileManager.default.removeItem(at: file)
        #expect(mkfifo(file.path, 0o644) == 0)
        guard case .evidenceReplaced(let path, let reason) = Self.buildError(report, in: claim) else {
            Issue.record("expected evidenceReplaced")
            return
        }
        #expect(path == "evidence/b.txt" && reason == "it is now a named pipe (FIFO)", "\(reason)")
    }

    @Test(arguments: sizes)
    func fileSwappedForAnotherFileOfTheSameSizeIsAnError(_ size: Int) throws {
        let (claim, outside) = try Self.folders(size: size)
        let report = try TestSupport.reader.read(folder: claim.url)
        // A rename over it, as an editor saving a file does: same name, same size, other bytes.
        let file = claim.url.appendingPathComponent("evidence/b.txt")
        let replacement = claim.url.appendingPathComponent("replacement.txt")
        try FileManager.default.copyItem(at: outside.url.appendingPathComponent("b.txt"), to: replacement)
        #expect(rename(replacement.path, file.path) == 0)
        guard case .evidenceReplaced(let path, let reason) = Self.buildError(report, in: claim) else {
            Issue.record("expected evidenceReplaced")
            return
        }
        #expect(path == "evidence/b.txt" && reason == "another file now has its name", "\(reason)")
    }

    @Test func fileRemovedAfterTheListingIsNamed() throws {
        let (claim, _) = try Self.folders(size: 10)
        let report = try TestSupport.reader.read(folder: claim.url)
        try FileManager.default.removeItem(at: claim.url.appendingPathComponent("evidence/sub/a.txt"))
        #expect(Self.buildError(report, in: claim) == .evidenceUnreadable(path: "evidence/sub/a.txt", reason: "No such file or directory"))
    }

    /// The same file, grown: its new size is told, and it is not read.
    @Test(arguments: sizes)
    func fileThatGrewAfterTheListingIsNamed(_ size: Int) throws {
        let (claim, _) = try Self.folders(size: size)
        let report = try TestSupport.reader.read(folder: claim.url)
        let handle = try FileHandle(forWritingTo: claim.url.appendingPathComponent("evidence/b.txt"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("more".utf8))
        try handle.close()
        #expect(Self.buildError(report, in: claim) == .evidenceChanged(path: "evidence/b.txt", expected: UInt64(size), actual: UInt64(size + 4)))
    }

    /// Unchanged, the same folder builds: the checks refuse only what changed.
    @Test func anUnchangedFolderBuilds() throws {
        let (claim, _) = try Self.folders(size: PayloadPipeline.slotSize + 1000)
        let output = claim.url.deletingLastPathComponent().appendingPathComponent("out.zip")
        let result = try BundleTestSupport.build(claim.url, to: output)
        #expect(result.payload.count == 2)
    }

    /// The claim folder itself may be named through a link (the user chose it); below
    /// it nothing is followed.
    @Test func aClaimFolderNamedThroughALinkIsRead() throws {
        let (claim, outside) = try Self.folders(size: 10)
        let link = outside.url.appendingPathComponent("link-to-claim")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: claim.url)
        let report = try TestSupport.reader.read(folder: link)
        #expect(report.evidenceFiles.map(\.path) == ["evidence/b.txt", "evidence/sub/a.txt"])
        let output = outside.url.appendingPathComponent("out.zip")
        #expect(try BundleTestSupport.builder.build(report, to: output, replacing: false).payload.count == 2)
    }

    /// Listing walks folders by descriptor: a pipe listed is refused at once, never opened.
    @Test func pipesAndSocketsInTheFolderAreRefusedWhenListed() throws {
        let (claim, _) = try Self.folders(size: 10)
        #expect(mkfifo(claim.url.appendingPathComponent("evidence/pipe").path, 0o644) == 0)
        let report = try TestSupport.reader.read(folder: claim.url)
        let refused = report.diagnostics.first { $0.location.file == "evidence/pipe" }
        #expect(refused?.code == .notRegularFile)
        #expect(refused?.message.hasPrefix("a named pipe (FIFO), not a regular file") == true, "\(String(describing: refused))")
    }
}

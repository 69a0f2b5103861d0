import Foundation
import Testing

struct ExtractCommandTests {
    static func bundle() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path,
                                       "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        return scratch
    }

    @Test func extractsIntoANewFolderThatSha256sumChecks() throws {
        let scratch = try Self.bundle()
        let outcome = try CLIRunner.run(["extract", "b.zip", "out"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("extracted: 12 files, "))
        #expect(outcome.standardOutput.contains(" bytes into out\nseal: "))
        #expect(outcome.standardError.isEmpty)
        let check = try CLIRunner.runTool("/usr/bin/sha256sum", ["-c", "manifest-sha256.txt"],
                                          in: scratch.url.appendingPathComponent("out/mts-2026-11"))
        #expect(check.split(separator: "\n").count == 4 && check.split(separator: "\n").allSatisfy { $0.hasSuffix(": OK") }, "\(check)")

        let again = try CLIRunner.run(["extract", "b.zip", "out"], in: scratch.url)
        #expect(again.status == 73)
        #expect(again.standardError.contains("out already exists (a folder); name another folder, one that does not exist yet; nothing written"), "\(again.standardError)")
    }

    /// Nothing is extracted into a claim folder's evidence/, where the next build would
    /// take the files for evidence (`OutputDestination`, as for build, letter, export and
    /// escalate).
    @Test func neverIntoTheEvidenceOfAClaimFolder() throws {
        let scratch = try Self.bundle()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data("format: 1\n".utf8).write(to: claim.appendingPathComponent("claim.yaml"))
        let outcome = try CLIRunner.run(["extract", "b.zip", "claim/evidence/out"], in: scratch.url)
        #expect(outcome.status == 73)
        #expect(outcome.standardError.contains("claim/evidence/out: is inside"), "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: claim.appendingPathComponent("evidence").path).isEmpty)
    }

    @Test func aTamperedBundleIsRefusedUnlessForced() throws {
        let scratch = try Self.bundle()
        let bundle = scratch.url.appendingPathComponent("b.zip")
        var bytes = try Data(contentsOf: bundle)
        // A byte of the first evidence file (a stored PNG): its CRC-32 no longer matches.
        let png = try #require(bytes.range(of: Data([0x89, 0x50, 0x4E, 0x47])))
        bytes[png.lowerBound + 100] ^= 0x01
        try bytes.write(to: bundle)
        let refused = try CLIRunner.run(["extract", "b.zip", "out"], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("V104 error: "))
        #expect(refused.standardError.contains("nothing was extracted"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["b.zip"])

        let forced = try CLIRunner.run(["extract", "b.zip", "out", "--force"], in: scratch.url)
        #expect(forced.status == 1)
        #expect(forced.standardOutput.hasPrefix("extracted: 11 files, "))
        #expect(forced.standardError.contains("claimpack: skipped: mts-2026-11/data/evidence/balance-2026-10-01.png: cannot be read"))
        #expect(forced.standardError.contains("does NOT verify"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/mts-2026-11/data/evidence/balance-2026-10-01.png").path))
    }

    @Test func windowsSafeNamesAreListed() throws {
        let scratch = try ScratchFolder()
        let claim = try scratch.claimWithRecording(size: 10)
        for name in ["чат 10:15.png", "вопрос?.txt", "CON.txt", "итог."] {
            try Data(name.utf8).write(to: claim.appendingPathComponent("evidence/\(name)"))
        }
        let check = try CLIRunner.run(["check", claim.path], in: scratch.url)
        #expect(check.status == 0)
        #expect(check.standardError.contains("evidence/CON.txt: warning: Windows cannot hold this name"), "\(check.standardError)")
        #expect(check.standardError.contains("\"evidence/итог_\""))
        #expect(try CLIRunner.run(["build", claim.path, "-o", "b.zip"], in: scratch.url).status == 0)
        let outcome = try CLIRunner.run(["extract", "b.zip", "out", "--windows-safe"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("renamed: claim/data/evidence/CON.txt -> claim/data/evidence/_CON.txt\n"))
        #expect(outcome.standardOutput.contains("renamed: claim/data/evidence/чат 10:15.png -> claim/data/evidence/чат 10_15.png\n"))
        #expect(outcome.standardOutput.contains("names changed: 4, listed in "))
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out/claim/data/evidence").path).sorted()
        #expect(written == ["_CON.txt", "call.mp4", "вопрос_.txt", "итог_", "чат 10_15.png"])
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/NAMES.txt").path))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptionLeavesNothingBehind(_ signalNumber: Int32) throws {
        let scratch = try ScratchFolder()
        // A sparse 1 GiB recording: extracting it takes long enough to be interrupted.
        let claim = try scratch.claimWithRecording(size: 1 << 30)
        #expect(try CLIRunner.run(["build", claim.path, "-o", "b.zip"], in: scratch.url).status == 0)
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["extract", scratch.url.appendingPathComponent("b.zip").path, out.appendingPathComponent("x").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary folder beside the target holds the recording, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        var writing = false
        while Date() < deadline, process.isRunning, !writing {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            writing = names.contains { name in
                name.hasPrefix(".x.claimpack-partial-")
                    && FileManager.default.fileExists(atPath: out.appendingPathComponent("\(name)/claim/data/evidence/call.mp4").path)
            }
            if !writing { usleep(5_000) }
        }
        #expect(writing, "a temporary folder while writing")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signalNumber)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    @Test(.enabled(if: getuid() == 0, "needs permission to mount a tmpfs"))
    func aFullDiskExits74AndLeavesNothing() throws {
        let disk = FileManager.default.temporaryDirectory.appendingPathComponent("claimpack-tiny-extract-\(getpid())")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-t", "tmpfs", "-o", "size=16k", "tmpfs", disk.path])
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0)
        defer {
            if let unmount = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [disk.path]) { unmount.waitUntilExit() }
            try? FileManager.default.removeItem(at: disk)
        }
        let scratch = try Self.bundle()
        let outcome = try CLIRunner.run(["extract", scratch.url.appendingPathComponent("b.zip").path, disk.appendingPathComponent("out").path])
        #expect(outcome.status == 74, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("No space left on device"))
        #expect(outcome.standardError.contains("nothing was extracted"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }
}

extension ExtractCommandTests {
    /// Re-packed by Python's zipfile (deflated, reverse order): the sealed files are
    /// extracted without --force, exit 2 says the container was re-packed.
    @Test func aRepackedBundleIsExtractedWithExitTwo() throws {
        let scratch = try Self.bundle()
        let script = """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1]); out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            for info in reversed(src.infolist()):
                out.writestr(info.filename, src.read(info.filename))
            out.close()
            """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script, "b.zip", "r.zip"], in: scratch.url)
        let outcome = try CLIRunner.run(["extract", "r.zip", "out"], in: scratch.url)
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("extracted: 12 files, "))
        #expect(outcome.standardError.contains("V130 warning: "))
        let check = try CLIRunner.runTool("/usr/bin/sha256sum", ["-c", "manifest-sha256.txt"],
                                          in: scratch.url.appendingPathComponent("out/mts-2026-11"))
        #expect(check.contains("чат с поддержкой 05.10.2026.png: OK"), "\(check)")
    }
}

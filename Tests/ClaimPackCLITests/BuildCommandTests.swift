import Foundation
import Testing

struct BuildCommandTests {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming")

    @Test func buildPrintsPathAndSealAndWritesIdZipByDefault() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["build", Self.example.path], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "bundle: kyivstar-roaming-2026.zip")
        #expect(lines.last?.hasPrefix("seal: ") == true && lines.last?.count == 6 + 64)
        #expect(outcome.standardError.isEmpty, "no terminal: no progress bar, no noise")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("kyivstar-roaming-2026.zip").path))
    }

    @Test func twoBuildsInOtherTimeZonesLocalesAndFileTimesAreByteIdentical() throws {
        let scratch = try ScratchFolder()
        let copy = scratch.url.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: Self.example, to: copy)
        for name in try FileManager.default.subpathsOfDirectory(atPath: copy.path) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 86_400 * 400)],
                                                  ofItemAtPath: copy.appendingPathComponent(name).path)
        }
        let first = try CLIRunner.run(["build", Self.example.path, "-o", "a.zip"], in: scratch.url,
                                      environment: ["TZ": "Asia/Tokyo", "LANG": "ja_JP.UTF-8"])
        let second = try CLIRunner.run(["build", copy.path, "-o", "b.zip"], in: scratch.url,
                                       environment: ["TZ": "America/Los_Angeles", "LC_ALL": "ru_RU.UTF-8"])
        #expect(first.status == 0 && second.status == 0)
        let cmp = try Process.run(URL(fileURLWithPath: "/usr/bin/cmp"),
                                  arguments: [scratch.url.appendingPathComponent("a.zip").path, scratch.url.appendingPathComponent("b.zip").path])
        cmp.waitUntilExit()
        #expect(cmp.terminationStatus == 0)
        #expect(first.standardOutput.split(separator: "\n").last == second.standardOutput.split(separator: "\n").last)
    }

    @Test func jsonResultIsDocumented() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["build", Self.example.path, "-o", "r.zip", "--json"], in: scratch.url)
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["bundle"] as? String == "r.zip")
        #expect((object["seal"] as? String)?.count == 64)
        #expect(object["files"] as? Int == 2)
        #expect(Set(object.keys) == ["format", "command", "messages", "bundle", "seal", "files", "bytes", "diagnostics"])
    }

    @Test func claimWithErrorsExitsOneAndWritesNothing() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackTests/Fixtures/Diagnostics/unknown-keys").path,
                                         "-o", "x.zip"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("claim.yaml:3:1: error: subjet: unknown key; did you mean \"subject\"?"))
        #expect(outcome.standardError.contains("nothing written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func existingOutputExits73UnlessForced() throws {
        let scratch = try ScratchFolder()
        try Data("keep me".utf8).write(to: scratch.url.appendingPathComponent("x.zip"))
        let refused = try CLIRunner.run(["build", Self.example.path, "-o", "x.zip"], in: scratch.url)
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("already exists; give another -o, or --force"))
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("x.zip"), encoding: .utf8) == "keep me")
        let notABundle = try CLIRunner.run(["build", Self.example.path, "-o", "x.zip", "--force"], in: scratch.url)
        #expect(notABundle.status == 73)
        #expect(notABundle.standardError.contains("not a claimpack bundle, so --force does not replace it"), "\(notABundle.standardError)")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("x.zip"), encoding: .utf8) == "keep me")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("x.zip"))
        #expect(try CLIRunner.run(["build", Self.example.path, "-o", "x.zip"], in: scratch.url).status == 0)
        let forced = try CLIRunner.run(["build", Self.example.path, "-o", "x.zip", "--force"], in: scratch.url)
        #expect(forced.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["x.zip"])
    }

    @Test func missingOutputFolderExits73AndMissingClaimExits66() throws {
        let scratch = try ScratchFolder()
        let noFolder = try CLIRunner.run(["build", Self.example.path, "-o", "no/such/x.zip"], in: scratch.url)
        #expect(noFolder.status == 73)
        #expect(noFolder.standardError.contains("the output folder does not exist"))
        let noClaim = try CLIRunner.run(["build", "nowhere"], in: scratch.url)
        #expect(noClaim.status == 66)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptionLeavesNoFileBehind(_ signalNumber: Int32) throws {
        let scratch = try ScratchFolder()
        // A sparse 8 GiB recording: building it takes long enough to be interrupted.
        let claim = try scratch.claimWithRecording(size: 8 << 30)
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["build", claim.path, "-o", out.appendingPathComponent("x.zip").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the archive is being written, then interrupt.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try FileManager.default.contentsOfDirectory(atPath: out.path)).isEmpty {
            usleep(20_000)
        }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: out.path)).isEmpty, "a temporary file while writing")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signalNumber)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    /// A 16 KiB file system, when this machine lets the tests mount one (root, no container
    /// restriction); the disk-full test is skipped otherwise.
    static let tinyDisk: URL? = {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("claimpack-tiny-\(getpid())")
        try? FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard let mount = try? Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mountPoint.path]) else { return nil }
        mount.waitUntilExit()
        return mount.terminationStatus == 0 ? mountPoint : nil
    }()

    @Test(.enabled(if: tinyDisk != nil, "needs permission to mount a tmpfs"))
    func aFullDiskExits74AndLeavesNothing() throws {
        let disk = try #require(Self.tinyDisk)
        defer {
            if let unmount = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [disk.path]) { unmount.waitUntilExit() }
        }
        let outcome = try CLIRunner.run(["build", Self.example.path, "-o", disk.appendingPathComponent("x.zip").path])
        #expect(outcome.status == 74)
        #expect(outcome.standardError.contains("No space left on device"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }
}

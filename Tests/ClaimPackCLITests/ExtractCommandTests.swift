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
        #expect(outcome.standardOutput.hasPrefix("extracted: 10 files, "))
        #expect(outcome.standardOutput.contains(" bytes into out\nseal: "))
        #expect(outcome.standardError.isEmpty)
        let check = try CLIRunner.runTool("/usr/bin/sha256sum", ["-c", "manifest-sha256.txt"],
                                          in: scratch.url.appendingPathComponent("out/mts-2026-11"))
        #expect(check.split(separator: "\n").count == 4 && check.split(separator: "\n").allSatisfy { $0.hasSuffix(": OK") }, "\(check)")

        let again = try CLIRunner.run(["extract", "b.zip", "out"], in: scratch.url)
        #expect(again.status == 73)
        #expect(again.standardError.contains("out exists already"))
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
        #expect(forced.standardOutput.hasPrefix("extracted: 9 files, "))
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
}

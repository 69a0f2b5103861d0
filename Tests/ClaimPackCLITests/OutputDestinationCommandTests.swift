import Foundation
import Testing

/// Where `build -o` and `letter -o` may write (`OutputDestination`): never over the user's
/// evidence, claim.yaml, another file, the input itself or through a link (review findings 1,
/// 2, 3, 22).
struct OutputDestinationCommandTests {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming")

    /// A copy of the example claim as `claim/`, and the path of one of its evidence files.
    static func claimCopy() throws -> (ScratchFolder, String) {
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.copyItem(at: example, to: claim)
        let evidence = try #require(try FileManager.default.contentsOfDirectory(atPath: claim.appendingPathComponent("evidence").path)
            .sorted().first { !$0.hasPrefix(".") })
        return (scratch, "claim/evidence/\(evidence)")
    }

    static func contents(_ scratch: ScratchFolder, _ path: String) throws -> Data {
        try Data(contentsOf: scratch.url.appendingPathComponent(path))
    }

    @Test func buildForceNeverReplacesEvidenceClaimYAMLOrAnotherFile() throws {
        let (scratch, evidence) = try Self.claimCopy()
        try Data("my notes".utf8).write(to: scratch.url.appendingPathComponent("notes.txt"))
        for target in [evidence, "claim/claim.yaml", "notes.txt"] {
            let before = try Self.contents(scratch, target)
            let refused = try CLIRunner.run(["build", "claim", "-o", target, "--force"], in: scratch.url)
            #expect(refused.status == 73, "\(target): \(refused.standardError)")
            #expect(refused.standardError.contains(target), "\(refused.standardError)")
            #expect(try Self.contents(scratch, target) == before, "\(target) was changed")
        }
        let notes = try CLIRunner.run(["build", "claim", "-o", "notes.txt", "--force"], in: scratch.url)
        #expect(notes.standardError.contains("is a text file, not a claimpack bundle, so --force does not replace it"), "\(notes.standardError)")
    }

    @Test func buildForceDoesNotWriteThroughALinkToAnotherFileButDoesToABundle() throws {
        let (scratch, _) = try Self.claimCopy()
        try Data("outside".utf8).write(to: scratch.url.appendingPathComponent("outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("link.zip").path, withDestinationPath: "outside.txt")
        let refused = try CLIRunner.run(["build", "claim", "-o", "link.zip", "--force"], in: scratch.url)
        #expect(refused.status == 73, "\(refused.standardError)")
        #expect(try Self.contents(scratch, "outside.txt") == Data("outside".utf8))

        #expect(try CLIRunner.run(["build", "claim", "-o", "b.zip"], in: scratch.url).status == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("to-b.zip").path, withDestinationPath: "b.zip")
        let through = try CLIRunner.run(["build", "claim", "-o", "to-b.zip", "--force"], in: scratch.url)
        #expect(through.status == 0, "\(through.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.url.appendingPathComponent("to-b.zip").path) == "b.zip")
    }

    @Test func buildRefusesAnOutputInsideTheClaimFoldersEvidence() throws {
        let (scratch, _) = try Self.claimCopy()
        for target in ["claim/evidence/self.zip", "claim/evidence/sub/../self.zip"] {
            let refused = try CLIRunner.run(["build", "claim", "-o", target], in: scratch.url)
            #expect(refused.status == 73, "\(target): \(refused.standardError)")
            #expect(refused.standardError.contains("so the bundle would become evidence of itself"), "\(refused.standardError)")
            #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(target).path))
        }
        #expect(try CLIRunner.run(["check", "claim"], in: scratch.url).status == 0)
    }

    @Test func letterNeverReplacesItsInputBundle() throws {
        let (scratch, _) = try Self.claimCopy()
        #expect(try CLIRunner.run(["build", "claim", "-o", "b.zip"], in: scratch.url).status == 0)
        try FileManager.default.linkItem(atPath: scratch.url.appendingPathComponent("b.zip").path,
                                         toPath: scratch.url.appendingPathComponent("hard.zip").path)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("soft.zip").path, withDestinationPath: "b.zip")
        let before = try Self.contents(scratch, "b.zip")
        for target in ["b.zip", "hard.zip", "soft.zip"] {
            let refused = try CLIRunner.run(["letter", "b.zip", "-o", target, "--force"], in: scratch.url)
            #expect(refused.status == 73, "\(target): \(refused.standardError)")
            #expect(refused.standardError.contains("is the input b.zip itself"), "\(refused.standardError)")
            #expect(try Self.contents(scratch, "b.zip") == before)
        }
        #expect(try CLIRunner.run(["verify", "b.zip"], in: scratch.url).status == 0)
    }

    @Test func letterDoesNotReplaceADanglingLinkOrAZip() throws {
        let (scratch, _) = try Self.claimCopy()
        let link = scratch.url.appendingPathComponent("letter.pdf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere.pdf")
        for arguments in [["letter", "claim", "-o", "letter.pdf"], ["letter", "claim", "-o", "letter.pdf", "--force"]] {
            let refused = try CLIRunner.run(arguments, in: scratch.url)
            #expect(refused.status == 73, "\(refused.standardError)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "nowhere.pdf")
        }
        #expect(try CLIRunner.run(["build", "claim", "-o", "b.zip"], in: scratch.url).status == 0)
        #expect(try CLIRunner.run(["build", "claim", "-o", "c.zip"], in: scratch.url).status == 0)
        let zip = try CLIRunner.run(["letter", "claim", "-o", "c.zip", "--force"], in: scratch.url)
        #expect(zip.status == 73)
        #expect(zip.standardError.contains("is a claimpack bundle, not a PDF"), "\(zip.standardError)")
        #expect(try CLIRunner.run(["verify", "c.zip"], in: scratch.url).status == 0)
    }
}

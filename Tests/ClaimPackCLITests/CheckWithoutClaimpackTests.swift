import Foundation
import Testing

/// The commands of docs/bundle-format.md's "Check it without claimpack" box, run exactly
/// as written, on a bundle the CLI built.
struct CheckWithoutClaimpackTests {
    /// The shell lines between the box's marker comments, without the code fence.
    static func documentedCommands() throws -> String {
        let doc = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("docs/bundle-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "<!-- check-without-claimpack:begin -->\n"))
        let end = try #require(doc.range(of: "<!-- check-without-claimpack:end -->", range: start.upperBound..<doc.endIndex))
        return doc[start.upperBound..<end.lowerBound].split(separator: "\n").filter { !$0.hasPrefix("```") }.joined(separator: "\n")
    }

    /// A folder holding the bundle under the name the box uses, and nothing else of
    /// claimpack (the box takes the schemas from the bundle); returns it with the seal.
    static func setUp(_ scratch: ScratchFolder) throws -> (bundle: URL, seal: String) {
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path,
                                       "-o", "mts-2026-11.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        let seal = String(built.standardOutput.split(separator: "\n").last?.dropFirst("seal: ".count) ?? "")
        return (scratch.url.appendingPathComponent("mts-2026-11.zip"), seal)
    }

    /// Runs the box with `bash -e`: the first command that fails stops it.
    static func runBox(in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-o", "pipefail", "-c", try documentedCommands()]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theDocumentedCommandsPassOnABundleAndPrintItsSeal() throws {
        let commands = try Self.documentedCommands()
        for tool in ["unzip", "sha256sum -c manifest-sha256.txt", "sha256sum -c tagmanifest-sha256.txt", "xmllint --noout --schema", "sha256sum manifest.xml"] {
            #expect(commands.contains(tool), "the box lacks \(tool)")
        }
        let scratch = try ScratchFolder()
        let (_, seal) = try Self.setUp(scratch)
        let outcome = try Self.runBox(in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("data/evidence/чат/чат с поддержкой 05.10.2026.png: OK"))
        #expect(outcome.output.contains("manifest.xml validates"))
        #expect(outcome.output.contains("delivery.xml validates"))
        #expect(!outcome.output.contains("FAILED"))
        #expect(outcome.output.hasSuffix("\(seal)  manifest.xml\n"), "\(outcome.output)")
    }

    @Test func theyFailWhenOneEvidenceByteIsChanged() throws {
        let scratch = try ScratchFolder()
        let (bundle, _) = try Self.setUp(scratch)
        var bytes = try Data(contentsOf: bundle)
        let png = try #require(bytes.range(of: Data([0x89, 0x50, 0x4E, 0x47])))
        bytes[png.lowerBound + 100] ^= 0x01
        try bytes.write(to: bundle)
        let outcome = try Self.runBox(in: scratch.url)
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("bad CRC"), "\(outcome.output)")
    }

    /// A forger's re-pack: one evidence byte changed and both BagIt manifests brought up to
    /// date. The loop over manifest.xml, which the seal fixes, still catches it.
    @Test func theyFailOnAConsistentlyRepackedChange() throws {
        let scratch = try ScratchFolder()
        let (bundle, _) = try Self.setUp(scratch)
        let forged = scratch.url.appendingPathComponent("forged.zip")
        let script = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackTests/Fixtures/Hostile/hostile.py")
        _ = try CLIRunner.runTool("/usr/bin/env", ["python3", script.path, "evidence-digest", bundle.path, forged.path])
        try FileManager.default.removeItem(at: bundle)
        try FileManager.default.moveItem(at: forged, to: bundle)
        let outcome = try Self.runBox(in: scratch.url)
        #expect(outcome.status != 0)
        // The BagIt manifests agree with the forged file; manifest.xml does not.
        #expect(outcome.output.contains("data/evidence/balance-2026-10-01.png: OK"), "\(outcome.output)")
        #expect(outcome.output.contains("manifest-sha256.txt: OK"), "\(outcome.output)")
        #expect(outcome.output.contains(": FAILED"), "\(outcome.output)")
        #expect(!outcome.output.contains("manifest.xml validates"), "the box went on after the failure")
    }
}

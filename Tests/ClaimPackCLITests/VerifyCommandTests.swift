import Foundation
import Testing

struct VerifyCommandTests {
    /// A bundle built by the CLI in a scratch folder.
    static func bundle() throws -> (ScratchFolder, URL, String) {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-city-portal-complaint").path,
                                       "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        let seal = String(built.standardOutput.split(separator: "\n").last?.dropFirst("seal: ".count) ?? "")
        return (scratch, scratch.url.appendingPathComponent("b.zip"), seal)
    }

    @Test func anIntactBundleExitsZeroAndPrintsItsSeal() throws {
        let (scratch, bundle, seal) = try Self.bundle()
        let outcome = try CLIRunner.run(["verify", bundle.path], in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "bundle: \(bundle.path)\nseal: \(seal)\nintact: 12 entries checked\n")
        #expect(outcome.standardError.isEmpty)
    }

    @Test func theSealFromThePaperLetterCanBeTypedWithSpacesAndCapitals() throws {
        let (scratch, bundle, seal) = try Self.bundle()
        var grouped = ""
        for (index, character) in seal.uppercased().enumerated() {
            if index > 0, index % 4 == 0 { grouped += " " }
            grouped.append(character)
        }
        #expect(try CLIRunner.run(["verify", bundle.path, "--seal", grouped], in: scratch.url).status == 0)
        let wrong = String(seal.dropLast()) + (seal.last == "0" ? "1" : "0")
        let refused = try CLIRunner.run(["verify", bundle.path, "--seal", wrong], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("V400 error: "))
        #expect(refused.standardOutput.hasSuffix("NOT INTACT: 1 error\n"))
    }

    @Test func aMalformedSealIsBadUsage() throws {
        let (scratch, bundle, _) = try Self.bundle()
        let outcome = try CLIRunner.run(["verify", bundle.path, "--seal", "12ab"], in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--seal: a seal has 64 hexadecimal digits (16 groups of 4), not 4"))
    }

    @Test func aTamperedBundleExitsOneAndNothingIsWritten() throws {
        let (scratch, bundle, _) = try Self.bundle()
        var bytes = try Data(contentsOf: bundle)
        bytes[bytes.count / 3] ^= 0x20
        try bytes.write(to: bundle)
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        let outcome = try CLIRunner.run(["verify", "b.zip"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains(" error: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == before)
    }

    @Test func jsonReportIsDocumented() throws {
        let (scratch, bundle, seal) = try Self.bundle()
        let outcome = try CLIRunner.run(["verify", bundle.path, "--json"], in: scratch.url)
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "command", "messages", "bundle", "seal", "sealMatches", "intact", "verdict", "entries",
                                     "findings", "timestamps"])
        #expect(object["sealMatches"] is NSNull)
        #expect((object["timestamps"] as? [Any])?.isEmpty == true)
        #expect(object["seal"] as? String == seal)
        #expect(object["intact"] as? Bool == true)
        #expect(object["verdict"] as? String == "intact")
        #expect((object["findings"] as? [Any])?.isEmpty == true)

        let notZip = scratch.url.appendingPathComponent("letter.zip")
        try Data("not a zip".utf8).write(to: notZip)
        let bad = try CLIRunner.run(["verify", notZip.path, "--json"], in: scratch.url)
        #expect(bad.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bad.standardOutput.utf8)) as? [String: Any])
        #expect(report["seal"] is NSNull)
        let finding = try #require((report["findings"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "V101")
        #expect(finding["entry"] is NSNull)
        #expect(finding["severity"] as? String == "error")
    }

    @Test func aMissingBundleExits66() throws {
        let outcome = try CLIRunner.run(["verify", "no-such-bundle.zip"])
        #expect(outcome.status == 66)
        #expect(outcome.standardError.contains("no-such-bundle.zip: cannot be read"))
    }
}

extension VerifyCommandTests {
    /// Unzipped and zipped again with `zip -r`: exit 2, one V130, the verdict in the JSON.
    @Test func aRezippedBundleExitsTwoContentIntactRepacked() throws {
        let (scratch, bundle, seal) = try Self.bundle()
        let folder = scratch.url.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try CLIRunner.runTool("/usr/bin/unzip", ["-q", bundle.path], in: folder).isEmpty)
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        _ = try CLIRunner.runTool("/usr/bin/zip", ["-q", "-r", "../r.zip", top], in: folder)
        let outcome = try CLIRunner.run(["verify", "r.zip", "--seal", seal], in: scratch.url)
        #expect(outcome.status == 2, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("V130 warning: "))
        #expect(!outcome.standardOutput.contains("V128"))
        #expect(outcome.standardOutput.contains("\nCONTENT INTACT, CONTAINER RE-PACKED: "))
        let json = try CLIRunner.run(["verify", "r.zip", "--json"], in: scratch.url)
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "content-intact-repacked")
        #expect(object["intact"] as? Bool == false)
    }
}

import Foundation
import Testing

/// `claimpack verify DIR`: a bundle extracted with the real `unzip`, verified as a folder
/// (exit 2, its own wording and JSON verdict), with a carried bundle and time-stamp tokens.
struct VerifyFolderCommandTests {
    /// Unzips `bundle` (in `scratch`) into `scratch/x` with `unzip`; returns the bag's folder.
    static func unzip(_ bundle: String, in scratch: ScratchFolder) throws -> URL {
        let folder = scratch.url.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try CLIRunner.runTool("/usr/bin/unzip", ["-q", scratch.url.appendingPathComponent(bundle).path], in: folder)
        let top = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        return folder.appendingPathComponent(top)
    }

    @Test func anUnzippedBundleIsContentIntactAsAFolder() throws {
        let (scratch, _, seal) = try VerifyCommandTests.bundle()
        let bag = try Self.unzip("b.zip", in: scratch)
        for folder in ["x", "x/\(bag.lastPathComponent)", "x/\(bag.lastPathComponent)/"] {
            let outcome = try CLIRunner.run(["verify", folder, "--seal", seal], in: scratch.url)
            #expect(outcome.status == 2, "\(folder): \(outcome.standardOutput)")
            #expect(outcome.standardOutput == "bundle: \(folder)\nseal: \(seal)\nseal matches: the bundle's seal is the one given with --seal\ncontent intact (an extracted folder): 12 files checked; every digest and the seal hold (there is no ZIP to judge)\n")
            #expect(outcome.standardError.isEmpty)
        }
        let json = try CLIRunner.run(["verify", "x", "--json"], in: scratch.url)
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "command", "messages", "bundle", "seal", "sealMatches", "intact", "verdict", "entries", "findings", "timestamps"])
        #expect(object["verdict"] as? String == "content-intact-folder")
        #expect(object["intact"] as? Bool == false)
        #expect(object["entries"] as? Int == 12)
        // The wrong seal, and one changed byte, named.
        let wrong = String(seal.dropLast()) + (seal.last == "0" ? "1" : "0")
        #expect(try CLIRunner.run(["verify", "x", "--seal", wrong], in: scratch.url).status == 1)
        let evidence = try #require(FileManager.default.enumerator(at: bag.appendingPathComponent("data/evidence"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.first { !$0.hasDirectoryPath })
        var bytes = try Data(contentsOf: evidence)
        bytes[0] ^= 1
        try bytes.write(to: evidence)
        let tampered = try CLIRunner.run(["verify", "x"], in: scratch.url)
        #expect(tampered.status == 1)
        #expect(tampered.standardOutput.contains("V306 error: \(bag.lastPathComponent)/data/evidence/\(evidence.lastPathComponent): SHA-256 is "), "\(tampered.standardOutput)")
        #expect(tampered.standardOutput.hasSuffix("NOT INTACT: 2 errors\n"))
    }

    @Test func whatExtractWroteVerifiesAsAFolder() throws {
        let (scratch, _, seal) = try VerifyCommandTests.bundle()
        for (folder, options) in [("plain", [String]()), ("safe", ["--windows-safe"])] {
            #expect(try CLIRunner.run(["extract", "b.zip", folder] + options, in: scratch.url).status == 0)
            let outcome = try CLIRunner.run(["verify", folder, "--seal", seal], in: scratch.url)
            #expect(outcome.status == 2, "\(folder): \(outcome.standardOutput)")
        }
        // NAMES.txt is let be beside the bag; anything else is not.
        try Data().write(to: scratch.url.appendingPathComponent("safe/other.txt"))
        let other = try CLIRunner.run(["verify", "safe"], in: scratch.url)
        #expect(other.status == 1)
        #expect(other.standardOutput.contains("V126 error: other.txt: beside the bag's folder"), "\(other.standardOutput)")
    }

    @Test func aLinkAddedToTheFolderIsRefused() throws {
        let (scratch, _, _) = try VerifyCommandTests.bundle()
        let bag = try Self.unzip("b.zip", in: scratch)
        try FileManager.default.createSymbolicLink(at: bag.appendingPathComponent("data/evidence/passwd"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        let outcome = try CLIRunner.run(["verify", "x"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("V114 error: \(bag.lastPathComponent)/data/evidence/passwd: a symbolic link; refused"))
        #expect(try CLIRunner.run(["verify", "."], in: scratch.url).status == 66)
    }

    @Test func aFolderCarryingTheEarlierBundleChecksIt() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        try EscalateCommandTests.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-01", "--anyway", "-o", "complaint"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        try EscalateCommandTests.expectSuccess(["build", "complaint", "-o", "complaint.zip"], in: scratch)
        let bag = try Self.unzip("complaint.zip", in: scratch)
        let outcome = try CLIRunner.run(["verify", "x"], in: scratch.url)
        #expect(outcome.status == 2, "\(outcome.standardOutput)")
        // status reads the chain from the folder: the carried claim, copied out of it.
        let status = try CLIRunner.run(["status", "x", "--json"], in: scratch.url)
        #expect(status.status == 0, "\(status.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])
        let chain = try #require(object["chain"] as? [[String: Any]])
        #expect(chain.map { $0["id"] as? String } == ["mts-2026-11"])
        #expect(chain.first?["state"] is String, "\(chain)")
        // The carried bundle, damaged in the folder: found, and checked in turn.
        let carried = try #require(FileManager.default.enumerator(at: bag.appendingPathComponent("data/evidence"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.first { $0.pathExtension == "zip" })
        var bytes = try Data(contentsOf: carried)
        bytes[bytes.count - 30] ^= 1
        try bytes.write(to: carried)
        let damaged = try CLIRunner.run(["verify", "x"], in: scratch.url)
        #expect(damaged.status == 1)
        #expect(damaged.standardOutput.contains(".zip!/"), "\(damaged.standardOutput)")
    }

    @Test func aFolderWithTimeStampTokensChecksThem() throws {
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let (scratch, bundle, _) = try TimestampVerifyTests.stampedBundle(authority)
        let bag = try Self.unzip(bundle, in: scratch)
        let root = authority.folder.appendingPathComponent("ca.pem").path
        let outcome = try CLIRunner.run(["verify", "x", "--trust", root], in: scratch.url)
        #expect(outcome.status == 2, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("timestamp: data/timestamps/02-127.0.0.1.tsr: the seal existed no later than 20"))
        #expect(outcome.standardOutput.contains("(trusted root)\n"))
        #expect(!outcome.standardOutput.contains(" error: "))
        // A token changed in the folder is not the one the record lists.
        let token = bag.appendingPathComponent("data/timestamps/02-127.0.0.1.tsr")
        var bytes = try Data(contentsOf: token)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: token)
        let changed = try CLIRunner.run(["verify", "x", "--trust", root], in: scratch.url)
        #expect(changed.status == 1)
        #expect(changed.standardOutput.contains("V505 error: \(bag.lastPathComponent)/data/timestamps/02-127.0.0.1.tsr: "), "\(changed.standardOutput)")
    }

    /// A folder whose bag is reached only through a symbolic link: the refusal names the
    /// link (it is never followed inside the folder given); the link given itself is checked.
    @Test func aLinkedBagFolderIsNamedAsALink() throws {
        let (scratch, _, _) = try VerifyCommandTests.bundle()
        let bag = try Self.unzip("b.zip", in: scratch)
        let holder = scratch.url.appendingPathComponent("y")
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: holder.appendingPathComponent(bag.lastPathComponent), withDestinationURL: bag)
        let outcome = try CLIRunner.run(["verify", "y"], in: scratch.url)
        #expect(outcome.status == 66)
        #expect(outcome.standardError.contains("it holds a symbolic link (\(bag.lastPathComponent)), which is never followed"), "\(outcome.standardError)")
        let link = try CLIRunner.run(["verify", "y/\(bag.lastPathComponent)"], in: scratch.url)
        #expect(link.status == 2, "\(link.standardOutput)\(link.standardError)")
    }

    /// Past the entry limit (V118) the reading stops before manifest.xml: the seal line says
    /// so, not that manifest.xml is missing.
    @Test func theSealLineOfAFolderPastTheEntryLimitSaysWhy() throws {
        let (scratch, _, _) = try VerifyCommandTests.bundle()
        let bag = try Self.unzip("b.zip", in: scratch)
        let script = "import os, sys\nd = os.path.join(sys.argv[1], 'data', 'many')\nos.mkdir(d)\nfor i in range(100001): open(os.path.join(d, str(i)), 'w').close()"
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script, bag.path])
        let outcome = try CLIRunner.run(["verify", "x"], in: scratch.url)
        #expect(outcome.status == 1, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("V118"), "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("seal: none (not read: more entries than the limit, see V118)"), "\(outcome.standardOutput)")
        #expect(!outcome.standardOutput.contains("manifest.xml is missing"))
    }
}

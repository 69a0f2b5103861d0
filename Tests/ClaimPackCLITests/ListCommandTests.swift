import Foundation
import Testing

struct ListCommandTests {
    /// The Ukrainian example's bundle with a proof of dispatch whose name Windows cannot hold.
    static func deliveredBundle() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming").path,
                                       "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        try Data("квитанція".utf8).write(to: scratch.url.appendingPathComponent("квитанція?.pdf"))
        let sent = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                      "--carrier", "russian-post", "--proof", "квитанція?.pdf"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardError.contains("квитанція?.pdf is attached as 02-sent-квитанція_.pdf"), "\(sent.standardError)")
        return scratch
    }

    @Test func listsEvidenceProofsAndOtherPayload() throws {
        let scratch = try Self.deliveredBundle()
        let outcome = try CLIRunner.run(["list", "b.zip"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "bundle: b.zip")
        #expect(lines[1].hasPrefix("id: "))
        #expect(lines[2].hasPrefix("seal: ") && lines[2].count == 6 + 64)
        #expect(lines.contains("delivery proofs: 1 file, 18 bytes"))
        #expect(lines.contains { $0.hasPrefix("  sent") && $0.hasSuffix("  data/delivery/02-sent-квитанція_.pdf") })
        #expect(lines.last == "other payload: none")
        let evidence = try #require(lines.firstIndex { $0.hasPrefix("evidence: ") })
        #expect(lines[evidence].hasSuffix(" bytes"))
        // Each evidence line: id, kind, size, 12 digits of SHA-256, path, title.
        let first = lines[evidence + 1].split(separator: " ", omittingEmptySubsequences: true)
        #expect(first.count >= 5)
        #expect(first[3].count == 12 && first[3].allSatisfy(\.isHexDigit))
        #expect(first[4].hasPrefix("data/evidence/"))
        #expect(outcome.standardError.isEmpty)
    }

    @Test func jsonIsDocumentedAndCarriesFullDigests() throws {
        let scratch = try Self.deliveredBundle()
        let outcome = try CLIRunner.run(["list", "b.zip", "--json"], in: scratch.url)
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "command", "messages", "bundle", "id", "seal", "evidence", "proofs", "otherPayload"])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { Set($0.keys) == ["id", "title", "kind", "size", "sha256", "path"] })
        #expect(evidence.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let proofs = try #require(object["proofs"] as? [[String: Any]])
        #expect(proofs.count == 1)
        #expect(proofs.first?["event"] as? String == "sent")
        #expect(proofs.first?["path"] as? String == "data/delivery/02-sent-квитанція_.pdf")
        #expect(proofs.first?["size"] as? Int == 18)
        #expect((object["otherPayload"] as? [Any])?.isEmpty == true)
        // docs/json.md documents every key.
        let doc = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## `claimpack list --json`").dropFirst().first)
        for key in ["bundle", "id", "seal", "evidence", "proofs", "otherPayload", "title", "kind", "size", "sha256", "path", "event"] {
            #expect(section.contains("`\(key)`"), "docs/json.md does not document \(key)")
        }
    }

    @Test func aBundleThatDoesNotVerifyIsNotListed() throws {
        let scratch = try Self.deliveredBundle()
        let bundle = scratch.url.appendingPathComponent("b.zip")
        var bytes = try Data(contentsOf: bundle)
        bytes[bytes.count / 3] ^= 0x20
        try bytes.write(to: bundle)
        let outcome = try CLIRunner.run(["list", "b.zip"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(" error: "))
        #expect(outcome.standardError.contains("does not verify"))
        #expect(try CLIRunner.run(["list", "missing.zip"], in: scratch.url).status == 66)
    }
}

import Foundation
import Testing

/// `claimpack status` after the first claim: the `escalate` command to run next, and the
/// chain of an escalated bundle.
struct StatusNextStepTests {
    @Test func anAnsweredClaimNamesTheEscalateCommand() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        let before = try CLIRunner.run(["status", "mts.zip"], in: scratch.url)
        #expect(!before.standardOutput.contains("next:"))
        try EscalateCommandTests.expectSuccess(["deliver", "mts.zip", "answered", "--date", "2026-12-01"], in: scratch)
        let after = try CLIRunner.run(["status", "mts.zip"], in: scratch.url)
        #expect(after.standardOutput.contains("next:      claimpack escalate mts.zip --to complaint (or --to court)\n"), "\(after.standardOutput)")
        let json = try CLIRunner.run(["status", "mts.zip", "--json"], in: scratch.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["next"] as? String == "claimpack escalate mts.zip --to complaint (or --to court)")
        #expect((object["chain"] as? [Any])?.isEmpty == true)
    }

    @Test func anEscalatedBundleShowsItsChain() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        try EscalateCommandTests.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-04", "--anyway", "-o", "complaint"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        try EscalateCommandTests.expectSuccess(["build", "complaint", "-o", "complaint.zip"], in: scratch)
        let seal = try #require(try EscalateCommandTests.seal(of: "mts.zip", in: scratch))
        let json = try CLIRunner.run(["status", "complaint.zip", "--json"], in: scratch.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let chain = try #require(object["chain"] as? [[String: Any]])
        #expect(chain.count == 1)
        #expect(chain.first?["id"] as? String == "mts-2026-11" && chain.first?["seal"] as? String == seal)
        #expect(chain.first?["kind"] as? String == "claim" && chain.first?["entry"] as? String == "mts-2026-11-complaint/data/evidence/mts.zip")
        let state = try #require(chain.first?["state"] as? String)
        #expect(["delivered", "overdue"].contains(state))
        let text = try CLIRunner.run(["status", "complaint.zip"], in: scratch.url)
        #expect(text.standardOutput.contains("follows:   mts-2026-11 (claim), seal \(seal.prefix(4)) "), "\(text.standardOutput)")
    }

    @Test func escalateJSONQuotesTheFolderInItsNextCommand() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        let run = try CLIRunner.run(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-04", "--anyway",
                                     "-o", "my complaint", "--json"], in: scratch.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any], "\(run.standardError)")
        #expect(object["next"] as? String == "claimpack check 'my complaint'")
    }
}

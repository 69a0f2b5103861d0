import Foundation
import Testing

/// A claim folder that follows an earlier bundle, as `letter`, `check` and `build` treat it
/// alike: the seal `letter` prints, the check of the earlier bundle, and the chain's depth.
struct FollowsChainTests {
    /// For folders with and without `follows:`, the seal `letter DIR` prints is the seal
    /// `build DIR` gives (the earlier bundle's id is part of manifest.xml).
    @Test func letterPrintsTheSealBuildGivesForEveryFolder() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        try EscalateCommandTests.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15", "-o", "complaint"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        try EscalateCommandTests.expectSuccess(["build", "complaint", "-o", "complaint.zip"], in: scratch)
        try EscalateCommandTests.expectSuccess(["escalate", "complaint.zip", "--to", "court", "--as-of", "2027-01-15", "--anyway", "-o", "court"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("court"))
        for folder in [EscalateCommandTests.telecom, "complaint", "court"] {
            let built = try CLIRunner.run(["build", folder, "-o", "seal-check.zip", "--force"], in: scratch.url)
            #expect(built.status == 0, "\(folder): \(built.standardError)")
            let letter = try CLIRunner.run(["letter", folder, "--format", "text", "-o", "seal-check.txt", "--force"], in: scratch.url)
            #expect(letter.status == 0, "\(folder): \(letter.standardError)")
            let seal = try #require(built.standardOutput.split(separator: "\n").last)
            #expect(letter.standardOutput.split(separator: "\n").last == seal, "\(folder): \(letter.standardOutput) vs \(seal)")
            try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("seal-check.zip"))
        }
    }
}

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

    /// A follows: bundle that does not verify: check says so (C038) as build refuses it, and
    /// the hint names the bundle as typed from the current folder.
    @Test func checkVerifiesTheEarlierBundleAsBuildDoes() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        try EscalateCommandTests.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15", "-o", "complaint"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        try EscalateCommandTests.expectSuccess(["check", "complaint"], in: scratch)
        // Flip one byte of the stored PNG inside the earlier bundle, in place.
        let script = """
        import zipfile, struct
        path = "complaint/evidence/mts.zip"
        data = bytearray(open(path, "rb").read())
        info = next(i for i in zipfile.ZipFile(path).infolist() if i.filename.endswith(".png"))
        o = info.header_offset
        n, e = struct.unpack("<HH", data[o + 26:o + 30])
        data[o + 30 + n + e + 40] ^= 0xFF
        open(path, "wb").write(bytes(data))
        """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script], in: scratch.url)
        let check = try CLIRunner.run(["check", "complaint"], in: scratch.url)
        #expect(check.status == 1, "\(check.standardError)")
        #expect(check.standardError.contains("complaint/claim.yaml: error: follows.bundle: evidence/mts.zip: it does not verify"),
                "\(check.standardError)")
        #expect(check.standardError.contains("run: claimpack verify complaint/evidence/mts.zip,"), "\(check.standardError)")
        let build = try CLIRunner.run(["build", "complaint", "-o", "complaint.zip"], in: scratch.url)
        #expect(build.status == 1)
        #expect(build.standardError.contains("run: claimpack verify complaint/evidence/mts.zip,"), "\(build.standardError)")
    }
}

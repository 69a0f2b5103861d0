import Foundation
import Testing

struct CheckCommandTests {
    static let examples = ["Examples/en-bank-duplicate-payment", "Examples/ru-city-portal-complaint",
                           "Examples/ru-telecom-subscription", "Examples/uk-mobile-roaming"]
    static let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackCLITests/Fixtures")

    @Test(arguments: examples)
    func examplesPassWithExitZero(_ example: String) throws {
        let outcome = try CLIRunner.run(["check", example])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(!outcome.standardError.contains("error:"))
    }

    @Test func cityPortalExampleReportsItsSkippedAndUndescribedFiles() throws {
        let outcome = try CLIRunner.run(["check", "Examples/ru-city-portal-complaint"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError == """
            Examples/ru-city-portal-complaint/evidence/.DS_Store: note: hidden file skipped; it is not part of the bundle
            Examples/ru-city-portal-complaint/evidence/notes.md: warning: no entry in claim.yaml: it goes into the bundle (as id "notes", kind call-notes, title "notes.md") but is NOT enclosed with the letter, printed or listed among its attachments; add it under evidence: with a title to enclose it
            Examples/ru-city-portal-complaint: 1 warning, 1 note

            """)
    }

    @Test func brokenClaimPrintsGoldenDiagnosticsAndExitsOne() throws {
        let outcome = try CLIRunner.run(["check", "Tests/ClaimPackTests/Fixtures/Diagnostics/unknown-keys"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let golden = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(
            "Tests/ClaimPackTests/Fixtures/Diagnostics/unknown-keys/expected.txt"), encoding: .utf8)
        // The files as the user gave the folder: each golden line (relative to it) under it.
        let folder = "Tests/ClaimPackTests/Fixtures/Diagnostics/unknown-keys"
        let shown = golden.split(separator: "\n").map { "\(folder)/\($0)\n" }.joined()
        #expect(outcome.standardError == shown + "\(folder): 7 errors, 2 warnings\n")
    }

    @Test func jsonOutputMatchesGoldenFile() throws {
        let outcome = try CLIRunner.run(["check", "--json", "Tests/ClaimPackTests/Fixtures/Diagnostics/registry-numbers"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.isEmpty)
        let golden = Self.fixtures.appendingPathComponent("check-registry-numbers.json")
        if ProcessInfo.processInfo.environment["CLAIMPACK_UPDATE_GOLDEN"] == "1" {
            try Data(outcome.standardOutput.utf8).write(to: golden)
        }
        #expect(outcome.standardOutput == (try String(contentsOf: golden, encoding: .utf8)))
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(object?["format"] as? Int == 1)
        #expect(object?["errors"] as? Int == 3 && object?["warnings"] as? Int == 1)
        let parsed = object?["diagnostics"] as? [[String: Any]]
        #expect(parsed?.count == 4)
        #expect(parsed?.first?["code"] as? String == "C024")
        #expect(parsed?.first?["line"] as? Int == 11)
        #expect(parsed?.last?["line"] is NSNull)
    }

    @Test func jsonOfACleanClaimHasAnEmptyDiagnosticsArray() throws {
        let outcome = try CLIRunner.run(["check", "Examples/ru-telecom-subscription", "--json"])
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(object["errors"] as? Int == 0 && object["warnings"] as? Int == 0)
    }

    @Test func missingFolderExits66WithAMessage() throws {
        let outcome = try CLIRunner.run(["check", "no/such/claim"])
        #expect(outcome.status == 66)
        #expect(outcome.standardError.hasPrefix("claimpack: error: "))
        #expect(outcome.standardError.contains("no/such/claim: no such folder"))
        // As typed: relative stays relative, in the message and in the suggested command.
        #expect(outcome.standardError.hasPrefix("claimpack: error: no/such/claim: no such folder"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("claimpack init no/such/claim"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("/no/such/claim"), "\(outcome.standardError)")
    }

    @Test func folderWithoutClaimFileExits66() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["check", scratch.url.path])
        #expect(outcome.status == 66)
        #expect(outcome.standardError.contains("no claim.yaml in this folder"))
    }

    @Test(arguments: [["check", "--no-such-flag"], ["frobnicate"], ["check", "a", "b"], ["init", "--language", "de"]])
    func badUsageExits64(_ arguments: [String]) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("Error:") || outcome.standardError.contains("error"))
    }

    @Test func checkNeverWritesAnything() throws {
        let scratch = try ScratchFolder()
        let copy = scratch.url.appendingPathComponent("claim")
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription"), to: copy)
        let before = try FileManager.default.subpathsOfDirectory(atPath: scratch.url.path).sorted()
        _ = try CLIRunner.run(["check", "claim"], in: scratch.url)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: scratch.url.path).sorted() == before)
    }

    /// Names as they are: bytes that are not UTF-8 as `\xNN` (two such names never look
    /// alike), a newline as `\n`, a name ending in a space in quotes.
    @Test func oddNamesAreShownUnambiguously() throws {
        let scratch = try ScratchFolder()
        let claim = try scratch.claimWithRecording(size: 10)
        let evidence = claim.appendingPathComponent("evidence").path
        for name: [UInt8] in [Array("bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), Array("bad".utf8) + [0xFE, 0xFF] + Array(".txt".utf8),
                              Array("nl\nname.txt".utf8), Array("sp ".utf8)] {
            let path = (Array(evidence.utf8) + [0x2F] + name + [0]).map { CChar(bitPattern: $0) }
            let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let outcome = try CLIRunner.run(["check", "claim"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("claim/evidence/bad\\xff\\xfe.txt: error:"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("claim/evidence/bad\\xfe\\xff.txt: error:"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("claim/evidence/nl\\nname.txt: error:"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("'claim/evidence/sp ': warning:"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("\u{FFFD}"))
    }
}

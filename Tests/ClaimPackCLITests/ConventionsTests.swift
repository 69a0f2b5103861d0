import Foundation
import Testing

/// The conventions every command keeps (issue 17, item 5): `-o -`, colour, shell-quoted
/// hints, paths as the user gave them, a bare `claimpack`, a short `--help`.
struct ConventionsTests {
    static let red = "\u{1B}[1;31m"

    @Test func bareClaimpackPrintsUsageOnStandardErrorAndExits64() throws {
        let outcome = try CLIRunner.run([])
        #expect(outcome.status == 64)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("OVERVIEW: "), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\nUSAGE: claimpack <subcommand>\n"))
        #expect(outcome.standardError.contains("  verify "), "the subcommands are listed")
        #expect(!outcome.standardError.contains("\\n"), "lines, not one escaped line")
    }

    @Test func helpIsUnderFortyLines() throws {
        let outcome = try CLIRunner.run(["--help"])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines < 40, "claimpack --help has \(lines) lines")
        #expect(outcome.standardOutput.contains("escalate"))
    }

    @Test func letterDashWritesTheTextOrThePDFToStandardOutput() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        let text = try CLIRunner.run(["letter", example, "--format", "text", "-o", "-"], in: scratch.url)
        #expect(text.status == 0, "\(text.standardError)")
        let golden = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(
            "Tests/ClaimPackCLITests/Fixtures/Letters/en-bank-duplicate-payment.txt"), encoding: .utf8)
        #expect(text.standardOutput == golden)

        let pdf = try CLIRunner.run(["letter", example, "-o", "-"], in: scratch.url)
        #expect(pdf.status == 0, "\(pdf.standardError)")
        #expect(pdf.standardOutput.hasPrefix("%PDF-"))
        #expect(pdf.standardOutput.hasSuffix("%%EOF\n"))
        #expect(pdf.standardError.contains(/seal: [0-9a-f]{64}\n/), "the seal on standard error: \(pdf.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty, "no file named - (or any other)")
    }

    @Test func aBundleCannotBeWrittenToStandardOutput() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        let outcome = try CLIRunner.run(["build", example, "-o", "-"], in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("-o -: a bundle is a file"), "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func initSuggestsAShellQuotedCheckAndDiagnosticsNameTheFolderAsGiven() throws {
        let scratch = try ScratchFolder()
        let created = try CLIRunner.run(["init", "Билайн подписка", "--language", "ru"], in: scratch.url)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardError.contains("created Билайн подписка/claim.yaml (ru) and Билайн подписка/evidence/"))
        #expect(created.standardError.hasSuffix("then run: claimpack check 'Билайн подписка'\n"), "\(created.standardError)")

        let checked = try CLIRunner.run(["check", "Билайн подписка"], in: scratch.url)
        #expect(checked.status == 1)
        let lines = checked.standardError.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Билайн подписка/claim.yaml:") == true, "\(checked.standardError)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("Билайн подписка/") })
        #expect(lines.last?.hasPrefix("Билайн подписка: 11 errors") == true)

        // From inside the folder, the file is the folder's own.
        let inside = try CLIRunner.run(["check"], in: scratch.url.appendingPathComponent("Билайн подписка"))
        #expect(inside.standardError.split(separator: "\n").first?.hasPrefix("claim.yaml:") == true)

        // The JSON keeps the paths relative to the claim folder.
        let json = try CLIRunner.run(["check", "--json", "Билайн подписка"], in: scratch.url)
        #expect(json.standardOutput.contains("\"file\" : \"claim.yaml\""), "\(json.standardOutput.prefix(300))")
        #expect(!json.standardOutput.contains("Билайн подписка/"))

        // A quote in the name is quoted too.
        let quoted = try CLIRunner.run(["init", "Bob's claim", "--language", "en"], in: scratch.url)
        #expect(quoted.standardError.hasSuffix("then run: claimpack check 'Bob'\\''s claim'\n"), "\(quoted.standardError)")
    }

    @Test func timestampsHintQuotesTheFilesItNames() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        #expect(try CLIRunner.run(["build", example, "-o", "card claim.zip"], in: scratch.url).status == 0)
        let requested = try CLIRunner.run(["timestamp", "card claim.zip", "--request", "my request.tsq"], in: scratch.url)
        #expect(requested.status == 0, "\(requested.standardError)")
        #expect(requested.standardError.contains("--data-binary '@my request.tsq' URL -o answer.tsr, then: claimpack timestamp 'card claim.zip' --response answer.tsr"),
                "\(requested.standardError)")
    }

    @Test func buildAndLetterShowTheFolderAsGiven() throws {
        let scratch = try ScratchFolder()
        _ = try CLIRunner.run(["init", "my claim", "--language", "en"], in: scratch.url)
        let built = try CLIRunner.run(["build", "my claim"], in: scratch.url)
        #expect(built.status == 1)
        #expect(built.standardError.hasPrefix("my claim/claim.yaml:"), "\(built.standardError)")
        let letter = try CLIRunner.run(["letter", "my claim", "--format", "text"], in: scratch.url)
        #expect(letter.status == 1)
        #expect(letter.standardError.hasPrefix("my claim/claim.yaml:"), "\(letter.standardError)")
    }

    /// `--color always` colours the severity words and NOT INTACT; `never`, and piped
    /// output, do not.
    @Test func colourIsChosenByFlag() throws {
        let scratch = try ScratchFolder()
        _ = try CLIRunner.run(["init", "c", "--language", "en"], in: scratch.url)
        let always = try CLIRunner.run(["check", "c", "--color", "always"], in: scratch.url)
        #expect(always.standardError.contains(": \(Self.red)error:\u{1B}[0m subject: placeholder"), "\(always.standardError.prefix(200))")
        let never = try CLIRunner.run(["check", "c", "--color", "never"], in: scratch.url)
        let piped = try CLIRunner.run(["check", "c"], in: scratch.url)
        for outcome in [never, piped] {
            #expect(!outcome.standardError.contains("\u{1B}"))
            #expect(outcome.standardError.contains(": error: subject: placeholder"))
        }
        let bad = try CLIRunner.run(["check", "c", "--color", "sometimes"], in: scratch.url)
        #expect(bad.status == 64)

        // NOT INTACT, on standard output.
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        _ = try CLIRunner.run(["build", example, "-o", "b.zip"], in: scratch.url)
        let path = scratch.url.appendingPathComponent("b.zip")
        var bytes = try Data(contentsOf: path)
        bytes[500] ^= 0x01
        try bytes.write(to: path)
        let verified = try CLIRunner.run(["verify", "b.zip", "--color", "always"], in: scratch.url)
        #expect(verified.status == 1)
        #expect(verified.standardOutput.contains("\n\(Self.red)NOT INTACT\u{1B}[0m: "), "\(verified.standardOutput)")
        #expect(verified.standardOutput.contains(" \(Self.red)error:\u{1B}[0m "))
    }

    /// On a terminal colour is on by default, and off with NO_COLOR, TERM=dumb or --color never.
    @Test(arguments: [("TERM=xterm", true), ("TERM=xterm NO_COLOR=1", false), ("TERM=dumb", false),
                      ("TERM=xterm --color never", false)])
    func colourOnATerminal(_ setting: String, _ coloured: Bool) throws {
        let scratch = try ScratchFolder()
        _ = try CLIRunner.run(["init", "c", "--language", "en"], in: scratch.url)
        let parts = setting.split(separator: " ")
        let environment = parts.filter { $0.contains("=") }.joined(separator: " ")
        let flags = parts.filter { !$0.contains("=") }.joined(separator: " ")
        let command = "env -u NO_COLOR \(environment) \(CLIRunner.executable.path) check c \(flags)"
        let onTerminal = try CLIRunner.runTool("/usr/bin/script", ["-qec", command, "/dev/null"], in: scratch.url)
        #expect(onTerminal.contains("error:"), "\(onTerminal.prefix(300))")
        #expect(onTerminal.contains("\(Self.red)error:") == coloured, "\(setting): \(onTerminal.prefix(300))")
    }
}

import Foundation
import Testing

/// Nothing that came from the input reaches the terminal raw: every finding of the
/// hostile corpus, entry names holding `\r`, ANSI escapes and bidi overrides, file names
/// and YAML values, in text and in JSON.
struct TerminalEscapingTests {
    static let hostileScript = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackTests/Fixtures/Hostile/hostile.py")

    /// The characters a terminal acts on or that hide or reorder text: C0 controls but the
    /// line break, DEL, C1 controls, and format characters (bidi overrides and isolates,
    /// zero-width spaces) other than the joiners.
    static func unsafeCharacters(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            if scalar == "\n" { return false }
            if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
            if value == 0x200C || value == 0x200D { return false }
            return value >= 0xA0 && [.format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        }.map { String(format: "U+%04X", $0.value) }
    }

    static func expectClean(_ outcome: CLIRunner.Outcome, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(unsafeCharacters(in: outcome.standardOutput).isEmpty, "\(what): stdout \(outcome.standardOutput.debugDescription)", sourceLocation: sourceLocation)
        #expect(unsafeCharacters(in: outcome.standardError).isEmpty, "\(what): stderr \(outcome.standardError.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Names an attacker would give entries: a carriage return and a green "intact" line
    /// over the error, a CSI as a C1 control, a bidi override that turns `exe.txt` around,
    /// an isolate, a zero-width space, DEL.
    static let trapNames = [
        "\r\u{1B}[32mintact: 12 entries checked\u{1B}[0m\u{1B}[K",
        "invoice\u{202E}fdp.exe",
        "\u{9B}31mred\u{2066}isolated\u{2069}",
        "zero\u{200B}width\u{7F}del\u{1B}]0;title\u{07}",
    ]

    static func trapBundle(in scratch: ScratchFolder) throws -> URL {
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-city-portal-complaint").path,
                                       "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        let names = trapNames.map { "'\($0.unicodeScalars.map { String(format: "\\U%08x", $0.value) }.joined())'" }.joined(separator: ", ")
        let script = """
            import sys, zipfile
            source, target = sys.argv[1:3]
            with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, 'w') as out:
                items = [(i, z.read(i.filename)) for i in z.infolist()]
                top = items[0][0].filename.split('/')[0]
                for info, data in items:
                    out.writestr(info, data)
                for name in [\(names)]:
                    out.writestr(top + '/data/evidence/' + name, b'x\\n')
                    out.writestr(top + '/' + name, b'x\\n')
            """
        let target = scratch.url.appendingPathComponent("traps.zip")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, scratch.url.appendingPathComponent("b.zip").path, target.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return target
    }

    @Test func entryNamesWithEscapesAreShownEscaped() throws {
        let scratch = try ScratchFolder()
        let bundle = try Self.trapBundle(in: scratch)
        let text = try CLIRunner.run(["verify", bundle.path], in: scratch.url)
        #expect(text.status == 1)
        Self.expectClean(text, "verify")
        #expect(text.standardOutput.split(separator: "\n").last?.hasPrefix("NOT INTACT: ") == true)
        #expect(!text.standardOutput.split(separator: "\n").contains { $0.hasPrefix("intact") })
        let json = try CLIRunner.run(["verify", bundle.path, "--json"], in: scratch.url)
        Self.expectClean(json, "verify --json")
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(object?["intact"] as? Bool == false)
        // A bundle given by a name with escapes: its name is escaped too.
        let renamed = scratch.url.appendingPathComponent("\u{1B}[2J\u{202E}.zip")
        try FileManager.default.copyItem(at: bundle, to: renamed)
        Self.expectClean(try CLIRunner.run(["verify", renamed.path], in: scratch.url), "verify of an escaped path")
        Self.expectClean(try CLIRunner.run(["status", renamed.path], in: scratch.url), "status of an escaped path")
    }

    @Test func everyFindingOfTheHostileCorpusIsPrintedEscaped() throws {
        let scratch = try ScratchFolder()
        _ = try Self.trapBundle(in: scratch)
        let source = scratch.url.appendingPathComponent("b.zip").path
        let cases = try CLIRunner.runTool("/usr/bin/python3", [Self.hostileScript.path, "--list"])
            .split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(cases.count >= 45)
        for name in cases where name != "compression-bomb" {
            let target = scratch.url.appendingPathComponent("\(name).zip").path
            _ = try CLIRunner.runTool("/usr/bin/python3", [Self.hostileScript.path, name, source, target])
            for arguments in [["verify", target], ["verify", target, "--json"], ["status", target]] {
                Self.expectClean(try CLIRunner.run(arguments, in: scratch.url), "\(arguments.joined(separator: " ")) (\(name))")
            }
        }
    }

    @Test func fileNamesAndYAMLValuesAreShownEscaped() throws {
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data("""
            format: 1
            language: en
            subject: "Refund \\e[31m\\u202E"
            claimant: {name: "Ann\\rSmith", address: "1 Road, Leeds", email: ann@example.com}
            respondent: {name: Shop Ltd, address: "2 Road, York"}
            demands: [{text: Refund.}]
            delivery: {method: email}
            evidence:
              - {id: "x\\e[2J", file: "evidence/\\e]0;pwned\\a.txt", title: "T\\x9b", kind: other}
            "key\\e[8m": 1
            """.utf8).write(to: claim.appendingPathComponent("claim.yaml"))
        for name in Self.trapNames {
            try Data("x\n".utf8).write(to: claim.appendingPathComponent("evidence/\(name.replacingOccurrences(of: "\r", with: "r")).txt"))
        }
        for arguments in [["check", claim.path], ["check", claim.path, "--json"], ["build", claim.path, "-o", "c.zip"],
                          ["letter", claim.path, "-o", "c.pdf"]] {
            let outcome = try CLIRunner.run(arguments, in: scratch.url)
            #expect(outcome.status == 1, "\(arguments)")
            Self.expectClean(outcome, arguments.joined(separator: " "))
        }
    }
}

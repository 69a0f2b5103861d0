import Foundation
import Testing

/// Templates that are safe to edit: `templates copy`, `--templates` with a single file
/// overridden, and mistakes reported at their line and column.
struct TemplatesCommandTests {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path

    /// A templates folder holding only `ru/letter.mustache`, made from the built-in one by `edit`.
    private func override(_ scratch: ScratchFolder, _ edit: (String) -> String) throws {
        let folder = scratch.url.appendingPathComponent("mine/ru", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let builtIn = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Templates/ru/letter.mustache"), encoding: .utf8)
        try Data(edit(builtIn).utf8).write(to: folder.appendingPathComponent("letter.mustache"))
    }

    @Test func copyWritesTheBuiltInSetWithAReadmeAndNeverOverwrites() throws {
        let scratch = try ScratchFolder()
        let copied = try CLIRunner.run(["templates", "copy", "my templates"], in: scratch.url)
        #expect(copied.status == 0, "\(copied.standardError)")
        #expect(copied.standardOutput == "my templates\n")
        let folder = scratch.url.appendingPathComponent("my templates")
        for file in ["ru/letter.mustache", "uk/locale.yaml", "en/envelope.mustache", "law/ru.yaml"] {
            let original = try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Templates/\(file)"))
            #expect(try Data(contentsOf: folder.appendingPathComponent(file)) == original, "\(file)")
        }
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("--templates my templates"))

        try Data("mine".utf8).write(to: folder.appendingPathComponent("ru/letter.mustache"))
        let again = try CLIRunner.run(["templates", "copy", "my templates"], in: scratch.url)
        #expect(again.status == 73)
        #expect(again.standardOutput.isEmpty)
        #expect(again.standardError == "claimpack: error: my templates: already exists and is never overwritten; choose a new folder name\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("ru/letter.mustache"), encoding: .utf8) == "mine")
    }

    @Test func aFolderOverridingOneFileFallsBackForTheRest() throws {
        let scratch = try ScratchFolder()
        try override(scratch) { $0.replacingOccurrences(of: "ПРЕТЕНЗИЯ", with: "ПРЕТЕНЗИЯ (ИЗМЕНЕНО)") }
        let outcome = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "mine"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("ПРЕТЕНЗИЯ (ИЗМЕНЕНО)"))
        // locale.yaml and the law table came from the built-in templates.
        #expect(outcome.standardOutput.contains("2026"))
        #expect(outcome.standardOutput.contains("ст."))
        let pdf = try CLIRunner.run(["letter", Self.example, "--templates", "mine", "-o", "kit.pdf"], in: scratch.url)
        #expect(pdf.status == 0, "\(pdf.standardError)")
    }

    @Test func aSectionClosedByAnotherNameIsReportedAtItsLineAndColumn() throws {
        let scratch = try ScratchFolder()
        try override(scratch) { $0.replacingOccurrences(of: "{{#hasAccount}}", with: "{{#hasAcount}}") }
        let builtIn = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Templates/ru/letter.mustache"), encoding: .utf8)
        let lines = builtIn.split(separator: "\n", omittingEmptySubsequences: false)
        let openLine = try #require(lines.firstIndex { $0.contains("{{#hasAccount}}") }) + 1
        let closeLine = try #require(lines.firstIndex { $0.contains("{{/hasAccount}}") }) + 1
        let closeColumn = try #require(lines[closeLine - 1].range(of: "{{/hasAccount}}")).lowerBound.utf16Offset(in: lines[closeLine - 1]) + 1

        let outcome = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "mine"], in: scratch.url)
        #expect(outcome.status == 78)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("ru/letter.mustache:\(closeLine):\(closeColumn): error: {{/hasAccount}} closes {{#hasAcount}} (opened at \(openLine):1)"))
        #expect(outcome.standardError.hasSuffix("claimpack: error: the templates have a mistake; no letter written\n"))
        #expect(!outcome.standardError.contains("ParserError"))
    }

    @Test func aMisspeltNameIsAnErrorNamingTheNearestOne() throws {
        let scratch = try ScratchFolder()
        try override(scratch) {
            $0.replacingOccurrences(of: "{{date}}", with: "{{dateShrt}}")
                .replacingOccurrences(of: "{{text}}", with: "{{txet}}")
        }
        let outcome = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "mine"], in: scratch.url)
        #expect(outcome.status == 78)
        #expect(outcome.standardOutput.isEmpty)
        let errors = outcome.standardError.split(separator: "\n")
        // {{dateShrt}} twice (the date line and the facts' dates), {{txet}} inside {{#facts}} and {{#demands}}.
        #expect(errors.contains { $0.hasPrefix("ru/letter.mustache:25:") && $0.hasSuffix(": error: {{dateShrt}}: the context has no value named dateShrt; did you mean {{dateShort}}?") })
        #expect(errors.contains { $0.hasSuffix("error: {{txet}}: the context has no value named txet; did you mean {{text}}?") })
        #expect(errors.last?.hasPrefix("claimpack: error: the templates have ") == true)
    }

    @Test func aMisspeltNameInsideAListIsFoundAmongItsElementsKeys() throws {
        let scratch = try ScratchFolder()
        try override(scratch) { $0.replacingOccurrences(of: "{{#facts}}", with: "{{#facts}}{{refrence}}") }
        let outcome = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "mine"], in: scratch.url)
        #expect(outcome.status == 78)
        #expect(outcome.standardError.contains("error: {{refrence}}: the context has no value named refrence; did you mean {{reference}}?"))
    }

    /// A value this claim leaves out but claimpack's own templates use (`earlier` needs a
    /// `follows:`) is no mistake.
    @Test func aNameTheBuiltInTemplatesUseIsNoMistake() throws {
        let scratch = try ScratchFolder()
        try override(scratch) { $0.replacingOccurrences(of: "{{#facts}}", with: "{{#earlier}}{{earlier.id}}{{/earlier}}{{#facts}}") }
        let outcome = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "mine"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test func aMissingTemplatesFolderOrLanguageIsExit66() throws {
        let scratch = try ScratchFolder()
        let missing = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "nowhere"], in: scratch.url)
        #expect(missing.status == 66)
        #expect(missing.standardOutput.isEmpty)
        #expect(missing.standardError == "claimpack: error: nowhere: no such templates folder; make one with `claimpack templates copy nowhere`\n")

        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("only-en/en"), withIntermediateDirectories: true)
        let noLanguage = try CLIRunner.run(["letter", Self.example, "--format", "text", "--templates", "only-en"], in: scratch.url)
        #expect(noLanguage.status == 66)
        #expect(noLanguage.standardError.hasPrefix("claimpack: error: only-en: has no ru/ folder for this ru claim"))
        #expect(!noLanguage.standardError.contains("locale.yaml"))
    }

    /// `escalate` and `export` read `--templates` as `letter` does: a missing folder is exit
    /// 66 before anything else, and a folder with one file falls back for the rest.
    @Test func escalateAndExportReadTemplatesAsLetterDoes() throws {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", Self.example, "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        for arguments in [["escalate", "b.zip", "--to", "complaint", "--anyway", "-o", "c"],
                          ["escalate", "--list-authorities"],
                          ["export", "b.zip", "--for", "email", "-o", "out"]] {
            let missing = try CLIRunner.run(arguments + ["--templates", "nowhere"], in: scratch.url)
            #expect(missing.status == 66, "\(arguments): \(missing.standardError)")
            #expect(missing.standardError == "claimpack: error: nowhere: no such templates folder; make one with `claimpack templates copy nowhere`\n")
        }
        // A folder holding only one language's locale file: everything else is claimpack's.
        let mine = scratch.url.appendingPathComponent("mine/ru")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Templates/ru/locale.yaml"),
                                         to: mine.appendingPathComponent("locale.yaml"))
        let escalated = try CLIRunner.run(["escalate", "b.zip", "--to", "complaint", "--anyway", "-o", "c", "--templates", "mine"], in: scratch.url)
        #expect(escalated.status == 0, "\(escalated.standardError)")
        let exported = try CLIRunner.run(["export", "b.zip", "--for", "email", "-o", "out", "--templates", "mine"], in: scratch.url)
        #expect(exported.status == 0, "\(exported.standardError)")
    }
}

import Foundation
import Testing

struct LetterCommandTests {
    static let examples = ["en-bank-duplicate-payment", "ru-city-portal-complaint", "ru-telecom-subscription", "uk-mobile-roaming"]

    /// The text letter of each example, as a golden file (CLAIMPACK_UPDATE_GOLDEN=1 rewrites it).
    @Test(arguments: examples)
    func textLetterMatchesGoldenFile(_ example: String) throws {
        let outcome = try CLIRunner.run(["letter", "Examples/\(example)", "--format", "text"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let golden = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackCLITests/Fixtures/Letters/\(example).txt")
        if ProcessInfo.processInfo.environment["CLAIMPACK_UPDATE_GOLDEN"] == "1" {
            try Data(outcome.standardOutput.utf8).write(to: golden)
        }
        #expect(outcome.standardOutput == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(outcome.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 72 || !$0.contains(" ") })
    }

    @Test func aFolderAndItsBundleGiveTheSameSealAndTheSamePDF() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        let built = try CLIRunner.run(["build", example, "-o", "mts-2026-11.zip"], in: scratch.url)
        let fromFolder = try CLIRunner.run(["letter", example, "-o", "a.pdf"], in: scratch.url)
        let fromBundle = try CLIRunner.run(["letter", "mts-2026-11.zip", "-o", "b.pdf"], in: scratch.url)
        #expect(fromFolder.status == 0 && fromBundle.status == 0)
        let seal = built.standardOutput.split(separator: "\n").last
        #expect(fromFolder.standardOutput.split(separator: "\n").last == seal)
        #expect(fromBundle.standardOutput.split(separator: "\n").last == seal)
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("a.pdf")) == Data(contentsOf: scratch.url.appendingPathComponent("b.pdf")))
    }

    @Test func aBundleThatDoesNotVerifyIsRefused() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        _ = try CLIRunner.run(["build", example, "-o", "b.zip"], in: scratch.url)
        let path = scratch.url.appendingPathComponent("b.zip")
        var bytes = try Data(contentsOf: path)
        bytes[500] ^= 0x01
        try bytes.write(to: path)
        let outcome = try CLIRunner.run(["letter", "b.zip"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("does not verify"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["b.zip"])
    }

    @Test func aClaimWithErrorsIsRefused() throws {
        let outcome = try CLIRunner.run(["letter", "Tests/ClaimPackTests/Fixtures/Diagnostics/vocabularies", "--format", "text"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("no letter written"))
    }

    /// A statement of claim that follows no bundle is printed as one (not as a claim letter
    /// retitled): the table has the principal and the claim price, no penalty (no answer date
    /// to count from), and a warning says why.
    @Test(arguments: ["pdf", "text"])
    func aCourtClaimWithoutAnEarlierBundleHasNoPenalty(_ format: String) throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url.appendingPathComponent("court")
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription"), to: folder)
        let yaml = folder.appendingPathComponent("claim.yaml")
        let edited = try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "kind: claim", with: "kind: court")
        try Data(edited.utf8).write(to: yaml)
        let outcome = try CLIRunner.run(["letter", folder.path, "--format", format, "-o", "out"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("the calculation has no penalty"), "\(outcome.standardError)")
        guard format == "text" else { return }
        let text = try String(contentsOf: scratch.url.appendingPathComponent("out"), encoding: .utf8)
        #expect(text.contains("ИСКОВОЕ ЗАЯВЛЕНИЕ") && !text.contains("ПРЕТЕНЗИЯ"))
        #expect(text.contains("Цена иска: 1\u{00A0}500,00\u{00A0}₽") && !text.contains("Неустойка ("))
    }

    @Test func anExistingPDFIsReplacedOnlyWithForce() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming").path
        try Data("mine".utf8).write(to: scratch.url.appendingPathComponent("kyivstar-roaming-2026-letter.pdf"))
        let refused = try CLIRunner.run(["letter", example], in: scratch.url)
        #expect(refused.status == 73)
        let notAPDF = try CLIRunner.run(["letter", example, "--force"], in: scratch.url)
        #expect(notAPDF.status == 73, "a file that is not a PDF is not replaced")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("kyivstar-roaming-2026-letter.pdf"), encoding: .utf8) == "mine")
        try Data("%PDF-1.4 an earlier letter".utf8).write(to: scratch.url.appendingPathComponent("kyivstar-roaming-2026-letter.pdf"))
        let forced = try CLIRunner.run(["letter", example, "--force"], in: scratch.url)
        #expect(forced.status == 0)
        let head = try Data(contentsOf: scratch.url.appendingPathComponent("kyivstar-roaming-2026-letter.pdf")).prefix(5)
        #expect(head == Data("%PDF-".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["kyivstar-roaming-2026-letter.pdf"])
    }

    @Test func aCopiedTemplateFolderChangesTheWording() throws {
        let scratch = try ScratchFolder()
        let templates = scratch.url.appendingPathComponent("my-templates")
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Templates"), to: templates)
        let letter = templates.appendingPathComponent("en/letter.mustache")
        let edited = try String(contentsOf: letter, encoding: .utf8).replacingOccurrences(of: "LETTER BEFORE ACTION", with: "FINAL DEMAND")
        try Data(edited.utf8).write(to: letter)
        let outcome = try CLIRunner.run(["letter", CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path,
                                         "--format", "text", "--templates", templates.path], in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("FINAL DEMAND"))
        #expect(!outcome.standardOutput.contains("LETTER BEFORE ACTION"))
    }

    @Test func envelopeOptionsChangeTheLastPage() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        for (envelope, size) in [("dl", "623.622 x 311.811"), ("c5", "649.134 x 459.213"), ("label", "297.638 x 209.764")] {
            let outcome = try CLIRunner.run(["letter", example, "-o", "\(envelope).pdf", "--envelope", envelope], in: scratch.url)
            #expect(outcome.status == 0)
            let info = try CLIRunner.runTool("/usr/bin/pdfinfo", ["-l", "99", scratch.url.appendingPathComponent("\(envelope).pdf").path])
            #expect(info.contains(size), "\(envelope): \(info)")
        }
        let none = try CLIRunner.run(["letter", example, "-o", "none.pdf", "--envelope", "none"], in: scratch.url)
        #expect(none.status == 0)
    }

    /// A bundle's file name is printed for the reader to type: it never breaks at a hyphen
    /// (pdftotext would read "c-⏎ru.zip" as "cru.zip"). The name is long and hyphenated so
    /// that lines end inside it; each time it is printed, it is printed whole, in the
    /// letter's own fonts.
    @Test func aFileNameNeverBreaksAtAHyphen() throws {
        let scratch = try ScratchFolder()
        let name = "northgate-bank-duplicate-card-payment-letter-before-action-2026.zip"
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        #expect(try CLIRunner.run(["build", example, "-o", name], in: scratch.url).status == 0)
        let letter = try CLIRunner.run(["letter", name, "-o", "letter.pdf"], in: scratch.url)
        #expect(letter.status == 0, "\(letter.standardError)")
        let pdf = scratch.url.appendingPathComponent("letter.pdf").path
        let text = try CLIRunner.runTool("/usr/bin/pdftotext", [pdf, "-"]).replacingOccurrences(of: "\u{2060}", with: "")
        let starts = text.components(separatedBy: "northgate-bank").count - 1
        #expect(starts >= 2, "\(text)")
        #expect(text.components(separatedBy: name).count - 1 == starts, "\(text)")
        let fonts = try CLIRunner.runTool("/usr/bin/pdffonts", [pdf])
        #expect(!fonts.contains("DejaVu"), "\(fonts)")
    }
}

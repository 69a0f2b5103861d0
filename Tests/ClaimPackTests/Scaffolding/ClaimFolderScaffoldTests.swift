import Foundation
import Testing
@testable import ClaimPack

struct ClaimFolderScaffoldTests {
    let scaffold = ClaimFolderScaffold(templates: TestSupport.repositoryRoot.appendingPathComponent("Templates"))
    let today = CalendarDate(year: 2026, month: 11, day: 21)!

    @Test(arguments: Language.allCases)
    func initWritesAClaimWhosePlaceholdersCheckNames(_ language: Language) throws {
        let parent = try TemporaryFolder("parent")
        let folder = parent.url.appendingPathComponent("Новая претензия")
        let result = try scaffold.create(at: folder, language: language, today: today)
        #expect(FileManager.default.fileExists(atPath: result.evidenceFolder.path))
        let text = try String(contentsOf: result.claimFile, encoding: .utf8)
        #expect(text.contains("language: \(language.rawValue)"))
        #expect(text.contains("id: novaia-pretenziia\n"))
        #expect(text.contains("date: 2026-11-21\n"))
        #expect(!text.contains("{{"))

        let report = try TestSupport.reader.read(folder: folder)
        let placeholders = report.diagnostics.filter { $0.code == .placeholder }
        let placeholderLines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).hasPrefix("#") && $0.element.contains("\"<") }
            .map { $0.offset + 1 }
        #expect(placeholders.map { $0.location.line } == placeholderLines)
        #expect(placeholders.count == 11)
        #expect(report.diagnostics.allSatisfy { $0.code == .placeholder || $0.severity != .error })
    }

    @Test func initNeverOverwritesAClaim() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", "mine")
        #expect(throws: ScaffoldError.claimExists(path: folder.url.appendingPathComponent("claim.yaml").path)) {
            try scaffold.create(at: folder.url, language: .ru, today: today)
        }
        #expect(try String(contentsOf: folder.url.appendingPathComponent("claim.yaml"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("evidence").path))
    }

    @Test func filledInTemplateChecksClean() throws {
        let folder = try TemporaryFolder("filled")
        let result = try scaffold.create(at: folder.url, language: .en, today: today)
        var text = try String(contentsOf: result.claimFile, encoding: .utf8)
        let values = ["<Refund of …>": "Refund", "<Full name>": "Ann Smith",
                      "<house, street, town, postcode>": "1 Road, Leeds LS1 1AA", "<+44 7700 900000>": "+44 7700 900001",
                      "<you@example.com>": "ann@example.com", "<Company Ltd>": "Shop Ltd", "<registered office address>": "2 Road, York",
                      "<number>": "42", "<2026-10-01T10:15+01:00>": "2026-10-01T10:15+01:00",
                      "<What happened, in one or two sentences.>": "Charged twice.", "<Refund £… to my account …>": "Refund £10."]
        for (placeholder, value) in values { text = text.replacingOccurrences(of: placeholder, with: value) }
        try folder.write("claim.yaml", text)
        try folder.write("evidence/receipt.pdf", "%PDF")
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(!report.diagnostics.containsErrors, "\(report.diagnostics)")
        #expect(report.claim?.claimant.name == "Ann Smith")
    }
}

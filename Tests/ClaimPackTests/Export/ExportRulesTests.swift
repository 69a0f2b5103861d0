import Foundation
import Testing
@testable import ClaimPack

/// `Templates/export/targets.yaml`: the three targets with their limits and sources, and a
/// broken copy refused with its path.
struct ExportRulesTests {
    static let templates = TestSupport.repositoryRoot.appendingPathComponent("Templates")

    @Test func theShippedTargetsHaveLimitsAndSources() throws {
        let rules = try ExportRules.load(templates: Self.templates)
        #expect(rules.targets.keys.sorted() == ["court-ru", "court-ua", "email"])
        let russia = try rules.target("court-ru")
        #expect(russia.fileLimit == 30_000_000 && russia.source.contains("№ 251") && !russia.urls.isEmpty)
        let ukraine = try rules.target("court-ua")
        #expect(!ukraine.confirmed && ukraine.source.contains("не підтверджено"), "an unconfirmed limit says so")
        // Each figure is found only in a secondary source or a service's Q&A: none is marked confirmed.
        #expect(rules.targets.values.allSatisfy { !$0.confirmed && !$0.urls.isEmpty })
        let email = try rules.target("email")
        #expect(email.messageLimit == 14_000_000 && email.fileLimit <= 14_000_000)
        #expect(rules.nameLimit == 150)
        #expect(Set(rules.languages.keys) == [.ru, .uk, .en])
        #expect(rules.languages[.ru]?.listName == "Опись.txt" && rules.languages[.uk]?.listName == "Перелік.txt"
                && rules.languages[.en]?.listName == "Index.txt")
    }

    @Test func anUnknownTargetNamesTheKnownOnes() throws {
        let rules = try ExportRules.load(templates: Self.templates)
        #expect(throws: ExportError.self) { try rules.target("court-xx") }
        do {
            _ = try rules.target("court-xx")
        } catch {
            #expect(error.description.contains("court-ru, court-ua, email"))
        }
    }

    @Test(arguments: [
        ("targets: {court-ru: {name: X, file_limit: 0, source: S, confirmed: true}}\nname_limit: 150\nlanguages: {}", "file_limit"),
        ("targets: {}\nname_limit: 150\nlanguages: {}", "needs targets:"),
        ("targets: {a: {name: X, file_limit: 5, source: S, confirmed: yes-ish}}\nname_limit: 150\nlanguages: {}", "confirmed"),
        ("targets: {a: {name: X, file_limit: 5, source: S, confirmed: true}}\nname_limit: 300\nlanguages: {}", "name_limit"),
        ("targets: {a: {name: X, file_limit: 5, source: S, confirmed: true}}\nname_limit: 150\nlanguages: {ru: {list: \"Опись?.txt\"}}", "languages: ru"),
        ("[unclosed", "does not parse"),
    ])
    func aBrokenCopyIsRefusedWithItsPath(yaml: String, says: String) throws {
        let folder = try TemporaryFolder("templates")
        try folder.write("export/targets.yaml", yaml)
        do {
            _ = try ExportRules.load(templates: folder.url)
            Issue.record("loaded: \(yaml)")
        } catch {
            #expect(error.description.contains("export/targets.yaml") && error.description.contains(says), "\(error)")
        }
    }

    @Test func aMissingFileIsRefusedWithItsPath() throws {
        let folder = try TemporaryFolder("templates")
        #expect(throws: ExportError.self) { try ExportRules.load(templates: folder.url) }
    }
}

import Foundation
import Testing
@testable import ClaimPack

struct StartingPointTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    @Test(arguments: Language.allCases, StartingPoint.Name.allCases)
    func everyStartingPointReads(_ language: Language, _ name: StartingPoint.Name) throws {
        let start = try StartingPoint(name, language: language, templates: TemplateFolder(user: nil, builtIn: Self.templates))
        #expect(start.kind == (name == .cityService ? .complaint : .claim))
        #expect(!start.demands.isEmpty)
        // What the person must complete is a placeholder; a basis is a source's text or one too.
        #expect(start.subject.hasPrefix("<") && start.subject.hasSuffix(">"))
        #expect(start.respondent.hasPrefix("<"))
    }

    @Test func valuesAreQuotedSoThatNoTextBreaksTheYAML() {
        #expect(ClaimFolderScaffold.quoted("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"")
        #expect(ClaimFolderScaffold.quoted("x\u{1}y") == "\"x\\u0001y\"")
        #expect(ClaimFolderScaffold.quoted("ПАО «МТС»: #1") == "\"ПАО «МТС»: #1\"")
    }
}

import Foundation
import Testing
@testable import ClaimPack

struct TemplateCheckerTests {
    let context: [String: Any] = [
        "date": "1 ноября 2026 г.", "dateShort": "01.11.2026", "isClaim": true,
        "claimant": ["name": "Иванов", "address": "Москва"] as [String: Any],
        "facts": [["text": "a", "date": "x"], ["text": "b", "reference": "R-1"]] as [[String: Any]],
        "account": [Any](),
    ]

    private func problems(_ source: String) throws -> [String] {
        do {
            return try TemplateChecker(name: "ru/letter.mustache", source: source).unknownNames(in: context).map(\.description)
        } catch {
            return [error.description]
        }
    }

    @Test func knownNamesPass() throws {
        let source = """
            {{% CONTENT_TYPE: TEXT}}{{! a comment {{nothing}} }}
            {{date}} {{{dateShort}}} {{& claimant.name}}{{#claimant}}{{address}}{{/claimant}}
            {{#facts}}{{text}} {{reference}} {{date}} {{dateShort}} {{.}} {{#first()}}1{{/first()}}{{/facts}}
            {{^isClaim}}no{{/isClaim}}{{#account}}{{label}} {{anything}}{{/account}}
            {{=<% %>=}}<% date %>
            """
        #expect(try problems(source) == [])
    }

    @Test func aMisspeltNameNamesTheNearest() throws {
        #expect(try problems("\n  {{dateShrt}}") == ["ru/letter.mustache:2:3: error: {{dateShrt}}: the context has no value named dateShrt; did you mean {{dateShort}}?"])
        #expect(try problems("{{claimant.nmae}}") == ["ru/letter.mustache:1:1: error: {{claimant.nmae}}: the context has no value named claimant.nmae; did you mean {{claimant.name}}?"])
        #expect(try problems("{{#facts}}{{txt}}{{/facts}}") == ["ru/letter.mustache:1:11: error: {{txt}}: the context has no value named txt; did you mean {{text}}?"])
        #expect(try problems("{{zzzzzz}}") == ["ru/letter.mustache:1:1: error: {{zzzzzz}}: the context has no value named zzzzzz (docs/templates.md lists the names a template may use)"])
        // A section's keys are not in view outside it.
        #expect(try problems("{{#facts}}{{/facts}}{{text}}").count == 1)
    }

    @Test func syntaxMistakesHaveTheirPlace() throws {
        #expect(try problems("ab\n{{#hasAcount}}\nx {{/hasAccount}}") == ["ru/letter.mustache:3:3: error: {{/hasAccount}} closes {{#hasAcount}} (opened at 2:1); spell both names the same"])
        #expect(try problems("{{#facts}}\n{{text}}") == ["ru/letter.mustache:1:1: error: {{#facts}} is never closed: add {{/facts}} where it ends"])
        #expect(try problems("x{{/facts}}") == ["ru/letter.mustache:1:2: error: {{/facts}} closes no section: remove it, or open it with {{#facts}} before"])
        #expect(try problems("Привет, {{date") == ["ru/letter.mustache:1:9: error: {{ is never closed: no }} before the end of the file"])
        #expect(try problems("{{ }}") == ["ru/letter.mustache:1:1: error: {{ }} is empty: write a name between the braces"])
        #expect(try problems("{{> partial}}").first?.contains("partials and blocks are not supported") == true)
    }

    @Test func theShippedTemplatesParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
        for language in ["ru", "uk", "en"] {
            for file in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(language).path)
            where file.hasSuffix(".mustache") {
                let source = try String(contentsOf: root.appendingPathComponent("\(language)/\(file)"), encoding: .utf8)
                #expect(throws: Never.self, "\(language)/\(file)") { try TemplateChecker(name: file, source: source).tags() }
            }
        }
    }
}

import Foundation
import Testing
@testable import ClaimPack

@Test func everyDiagnosticCodeIsDocumentedOnce() throws {
    let table = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    for code in DiagnosticCode.allCases {
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| \(code.rawValue) | `\(code)` |") }
        #expect(rows.count == 1, "docs/diagnostics.md has no row for \(code.rawValue) \(code)")
    }
    #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
}

@Test func diagnosticsSortByFileLineAndColumn() {
    let diagnostics = [
        Diagnostic(.note, .hiddenFileSkipped, at: SourceLocation(file: "evidence/.x"), "n"),
        Diagnostic(.error, .unknownKey, at: SourceLocation(file: "claim.yaml", line: 10, column: 3), "b"),
        Diagnostic(.warning, .missingContact, at: SourceLocation(file: "claim.yaml", line: 2, column: 1), "a"),
        Diagnostic(.error, .wrongType, at: SourceLocation(file: "claim.yaml", line: 10, column: 1), "c"),
        Diagnostic(.warning, .missingDeclaredValue, at: SourceLocation(file: "claim.yaml"), "d"),
    ].sorted()
    #expect(diagnostics.map(\.message) == ["d", "a", "c", "b", "n"])
    #expect(diagnostics[1].description == "claim.yaml:2:1: warning: a")
    #expect(diagnostics[0].description == "claim.yaml: warning: d")
}

/// The warning for an undescribed file makes its message when read: the same text, and
/// equal (and hashed alike) to the diagnostic written with that text.
@Test func anUndescribedFilesWarningReadsAsWritten() {
    let location = SourceLocation(file: "evidence/long folder name/receipt of 2026-11-05.pdf")
    let made = Diagnostic(undescribedEvidence: location, id: "receipt-of-2026-11-05", kind: .receipt, title: "receipt of 2026-11-05.pdf")
    let text = "no entry in claim.yaml: it goes into the bundle (as id \"receipt-of-2026-11-05\", kind receipt, title \"receipt of 2026-11-05.pdf\") but is NOT enclosed with the letter, printed or listed among its attachments; add it under evidence: with a title to enclose it"
    let written = Diagnostic(.warning, .undescribedEvidence, at: location, text)
    #expect(made.message == text)
    #expect(made == written)
    #expect(made.hashValue == written.hashValue)
    #expect(made.description == "evidence/long folder name/receipt of 2026-11-05.pdf: warning: " + text)
    var changed = made
    changed.message = "other"
    #expect(changed.message == "other" && changed != made)
}

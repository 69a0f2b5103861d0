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

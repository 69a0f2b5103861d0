internal import Foundation
internal import ClaimPack

/// How diagnostics are shown: compiler-style lines on standard error, or the records of the
/// `diagnostics` array of the JSON objects (docs/json.md).
enum DiagnosticOutput {
    /// One element of a JSON object's `diagnostics` array.
    struct Record: Encodable {
        let file: String
        @NullEncoded var line: Int?
        @NullEncoded var column: Int?
        let severity: String
        let code: String
        let message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            severity = diagnostic.severity.rawValue
            code = diagnostic.code.rawValue
            message = diagnostic.message
        }
    }

    /// Every diagnostic as a line on standard error, then a summary line.
    static func printText(_ diagnostics: [Diagnostic], subject: String) {
        Console.messages(lines(diagnostics, folder: subject) + ["\(subject): \(summary(diagnostics))"])
    }

    /// The diagnostics of the claim folder `folder` as lines, each file shown as the user
    /// would type it from where they ran claimpack (`Билайн подписка/claim.yaml:12:1: error: …`),
    /// in quotes when a name in it begins or ends with a space (`'c/evidence/sp ': warning: …`);
    /// the JSON keeps the paths relative to the folder.
    static func lines(_ diagnostics: [Diagnostic], folder: String) -> [String] {
        diagnostics.map { diagnostic in
            var shown = diagnostic
            let path = Console.path(diagnostic.location.file, in: folder)
            // A name that begins or ends with a space is quoted, or the space is not seen.
            let padded = path.split(separator: "/").contains { $0.first?.isWhitespace == true || $0.last?.isWhitespace == true }
            shown.location.file = padded ? Console.quoted(path) : path
            return shown.description
        }
    }

    /// `no problems`, or counts such as `2 errors, 1 warning`.
    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let counts = [(Severity.error, "error"), (.warning, "warning"), (.note, "note")].compactMap { severity, noun in
            let count = diagnostics.count(of: severity)
            return count == 0 ? nil : Plural.english(count, noun)
        }
        return counts.isEmpty ? "no problems" : counts.joined(separator: ", ")
    }
}

internal import Yams

/// Turns the errors Yams throws into diagnostics at the right position, with a hint.
enum YAMLErrorReport {
    static func report(_ error: YamlError, text: String, session: DecodingSession) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            message += hint(for: problem)
            session.error(.yamlSyntax, at: TextPosition(line: mark.line, column: mark.column), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let position = secondOccurrence(of: key, after: context.mark, in: text)
                ?? TextPosition(line: context.mark.line, column: context.mark.column)
            session.error(.duplicateKey, at: position, "key \"\(key)\" appears twice in the same mapping (first at line \(context.mark.line)); keep one")
        case .reader(let problem, _, _, _):
            session.error(.unreadableClaimFile, at: nil, "claim.yaml cannot be read as YAML text: \(problem)")
        default:
            session.error(.yamlSyntax, at: nil, "YAML: \(error)")
        }
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("\\t") || problem.contains("\t") { return "; YAML indents with spaces, never tabs" }
        if problem.contains("mapping values are not allowed") {
            return "; quote a value that contains \": \", or check the indentation of this line"
        }
        if problem.contains("could not find expected ':'") { return "; a key needs \": \" after it" }
        if problem.contains("did not find expected key") { return "; check the indentation of this line and the one before" }
        return ""
    }

    /// Where the same key is written again at the same column after `first`, before the
    /// mapping ends (a line indented less than the key).
    private static func secondOccurrence(of key: String, after first: Yams.Mark, in text: String) -> TextPosition? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let column = first.column - 1
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let indent = scalars.prefix { $0 == " " || $0 == "-" }.count
            if indent < column, !scalars.allSatisfy({ $0 == " " }), scalars.first != "#" { return nil }
            guard scalars.count > column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop { $0 == " " }
                if after.hasPrefix(":") { return TextPosition(line: index + 1, column: first.column) }
            }
        }
        return nil
    }
}

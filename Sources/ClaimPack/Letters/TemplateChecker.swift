internal import Foundation

/// Reads a Mustache template's tags before it is rendered, so that a mistake in an edited
/// template is an error with its file, line and column — `ru/letter.mustache:32:4: error:
/// {{/hasAccount}} closes {{#hasAcount}}` — and never a letter with a silent gap: a name
/// the context does not have (`{{dateShrt}}`) is reported with the nearest one it has.
///
/// Names are looked up as Mustache looks them up: in the sections open around the tag,
/// innermost first, then the root; a section over a list sees the keys of its elements.
/// Inside a section whose list is empty for this claim, nothing can be known and nothing
/// is reported.
struct TemplateChecker {
    /// The file as the messages name it (`ru/letter.mustache`).
    let name: String
    let source: String

    /// One mistake, at its place in the file.
    struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        let file: String
        let line: Int
        let column: Int
        let message: String

        var description: String { "\(file):\(line):\(column): error: \(message)" }
    }

    /// A tag of the template.
    struct Tag: Equatable {
        enum Kind: Equatable { case variable, section, inverted, close }
        let kind: Kind
        /// The name as written (`claimant.name`, `.`), a transform's argument for `f(name)`.
        let name: String
        /// The tag as written, for messages (`{{#hasAccount}}`).
        let text: String
        let line: Int
        let column: Int
    }

    /// The tags in order, or the first syntax mistake: a tag never closed, a section
    /// closed by another name, a close with no section, a section never closed.
    func tags() throws(Problem) -> [Tag] {
        let characters = Array(source)
        var open: [Character] = ["{", "{"], close: [Character] = ["}", "}"]
        var tags: [Tag] = []
        var sections: [Tag] = []
        var index = 0, line = 1, column = 1
        func advance(to target: Int) {
            while index < target {
                if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        func find(_ pattern: [Character], from start: Int) -> Int? {
            guard !pattern.isEmpty, characters.count >= pattern.count else { return nil }
            var position = start
            while position <= characters.count - pattern.count {
                if Array(characters[position..<position + pattern.count]) == pattern { return position }
                position += 1
            }
            return nil
        }
        while let start = find(open, from: index) {
            advance(to: start)
            let tagLine = line, tagColumn = column
            var contentStart = start + open.count
            var closing = close
            if open == ["{", "{"], contentStart < characters.count, characters[contentStart] == "{" {
                contentStart += 1
                closing = ["}", "}", "}"]
            }
            guard let end = find(closing, from: contentStart) else {
                throw problem(tagLine, tagColumn, "\(String(open)) is never closed: no \(String(closing)) before the end of the file")
            }
            let content = String(characters[contentStart..<end]).trimmingCharacters(in: .whitespaces)
            let text = String(characters[start..<end + closing.count])
            advance(to: end + closing.count)
            guard let sigil = content.first else {
                throw problem(tagLine, tagColumn, "\(text) is empty: write a name between the braces")
            }
            let kind: Tag.Kind
            var body = content
            switch sigil {
            case "!", "%": continue
            case "=":
                let delimiters = content.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                guard content.hasSuffix("="), delimiters.count == 2 else {
                    throw problem(tagLine, tagColumn, "\(text) does not set delimiters: write {{=<% %>=}}")
                }
                open = Array(delimiters[0]); close = Array(delimiters[1])
                continue
            case ">", "<", "$":
                throw problem(tagLine, tagColumn, "\(text): partials and blocks are not supported in claimpack's templates")
            case "#": kind = .section; body.removeFirst()
            case "^": kind = .inverted; body.removeFirst()
            case "/": kind = .close; body.removeFirst()
            case "&", "{": kind = .variable; body.removeFirst()
            default: kind = .variable
            }
            body = body.trimmingCharacters(in: .whitespaces)
            if body.hasSuffix("}") { body.removeLast() }
            let name = TemplateChecker.argument(of: body)
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) else {
                throw problem(tagLine, tagColumn, "\(text) is not a name: names are letters, digits and dots (claimant.name)")
            }
            let tag = Tag(kind: kind, name: name, text: text, line: tagLine, column: tagColumn)
            switch kind {
            case .section, .inverted:
                sections.append(tag)
            case .close:
                guard let opened = sections.popLast() else {
                    throw problem(tagLine, tagColumn, "\(text) closes no section: remove it, or open it with {{#\(name)}} before")
                }
                guard opened.name == name else {
                    throw problem(tagLine, tagColumn, "\(text) closes \(opened.text) (opened at \(opened.line):\(opened.column)); spell both names the same")
                }
            case .variable:
                break
            }
            tags.append(tag)
        }
        if let unclosed = sections.last {
            throw problem(unclosed.line, unclosed.column, "\(unclosed.text) is never closed: add {{/\(unclosed.name)}} where it ends")
        }
        return tags
    }

    /// The names the context does not have, each with the nearest name it has.
    ///
    /// - Parameter vocabulary: names claimpack's own templates use (`vocabulary(of:)`): a
    ///   value this claim leaves out (`earlier` without `follows:`, `penalty` without a
    ///   penalty) is no mistake; inside such a section nothing is reported.
    func unknownNames(in context: [String: Any], vocabulary: Set<String> = []) throws(Problem) -> [Problem] {
        var scopes: [Scope] = [.keys(context)]
        var problems: [Problem] = []
        for tag in try tags() {
            switch tag.kind {
            case .close:
                scopes.removeLast()
            case .variable, .section, .inverted:
                var found = TemplateChecker.resolve(tag.name, in: scopes)
                if case .unknown = found, vocabulary.contains(tag.name) { found = .unknowable }
                if case .unknown = found {
                    let visible = TemplateChecker.names(in: scopes).union(vocabulary)
                    let hint = Suggestion.closest(to: tag.name, among: visible).map { "; did you mean {{\($0)}}?" }
                        ?? " (docs/templates.md lists the names a template may use)"
                    problems.append(problem(tag.line, tag.column, "\(tag.text): the context has no value named \(tag.name)\(hint)"))
                }
                guard tag.kind != .variable else { continue }
                switch (tag.kind, found) {
                case (.section, .value(let value)): scopes.append(TemplateChecker.scope(of: value))
                case (.section, .unknown), (.section, .unknowable): scopes.append(.unknowable)
                default: scopes.append(.none)
                }
            }
        }
        return problems
    }

    /// Every name the `.mustache` templates under `folder/<language>/` use, of every language.
    static func vocabulary(of folder: URL) -> Set<String> {
        var names: Set<String> = []
        let fileManager = FileManager.default
        for language in Language.allCases {
            let languageFolder = folder.appendingPathComponent(language.rawValue, isDirectory: true)
            for file in (try? fileManager.contentsOfDirectory(atPath: languageFolder.path)) ?? [] where file.hasSuffix(".mustache") {
                guard let source = try? String(contentsOf: languageFolder.appendingPathComponent(file), encoding: .utf8),
                      let tags = try? TemplateChecker(name: file, source: source).tags() else { continue }
                names.formUnion(tags.map(\.name).filter { $0 != "." })
            }
        }
        return names
    }

    private func problem(_ line: Int, _ column: Int, _ message: String) -> Problem {
        Problem(file: name, line: line, column: column, message: message)
    }

    /// What a section adds to the names in view.
    private enum Scope {
        /// The keys of a dictionary (or of a list's elements).
        case keys([String: Any])
        /// Nothing new (a true flag, a string, an inverted section).
        case none
        /// Cannot be known for this claim (an empty list): any name may be meant.
        case unknowable
    }

    private enum Lookup {
        case value(Any)
        case unknown
        case unknowable
    }

    /// `uppercased(name)` → `name`; `first()` → `.`; a plain name as it is.
    private static func argument(of body: String) -> String {
        guard body.hasSuffix(")"), let open = body.firstIndex(of: "(") else { return body }
        let inner = body[body.index(after: open)..<body.index(before: body.endIndex)]
        return inner.isEmpty ? "." : String(inner)
    }

    private static func resolve(_ name: String, in scopes: [Scope]) -> Lookup {
        if name == "." { return .value(true) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var start: Any?
        for scope in scopes.reversed() {
            switch scope {
            case .keys(let keys): if let value = keys[parts[0]] { start = value }
            case .unknowable: return .unknowable
            case .none: break
            }
            if start != nil { break }
        }
        guard var value = start else { return .unknown }
        for part in parts.dropFirst() {
            switch scope(of: value) {
            case .keys(let keys):
                guard let next = keys[part] else { return .unknown }
                value = next
            case .unknowable: return .unknowable
            case .none: return .unknown
            }
        }
        return .value(value)
    }

    /// The scope a value opens: a dictionary's keys, the union of a list's elements' keys.
    private static func scope(of value: Any) -> Scope {
        switch value {
        case let keys as [String: Any]: return .keys(keys)
        case let list as [Any]:
            guard !list.isEmpty else { return .unknowable }
            var union: [String: Any] = [:]
            for case let element as [String: Any] in list {
                union.merge(element) { old, new in isEmpty(old) ? new : old }
            }
            return union.isEmpty ? .none : .keys(union)
        default: return .none
        }
    }

    private static func isEmpty(_ value: Any) -> Bool {
        (value as? [Any])?.isEmpty ?? false
    }

    /// Every name in view, dotted one level into dictionaries (`claimant.name`).
    private static func names(in scopes: [Scope]) -> Set<String> {
        var names: Set<String> = []
        for case .keys(let keys) in scopes {
            for (key, value) in keys {
                names.insert(key)
                if case .keys(let inner) = scope(of: value), value is [String: Any] {
                    for innerKey in inner.keys { names.insert("\(key).\(innerKey)") }
                }
            }
        }
        return names
    }
}

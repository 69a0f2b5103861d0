internal import Foundation
internal import Yams

/// The state of one `claim.yaml` decoding: the diagnostics found so far, and the typed
/// readers of scalar values, each reporting what is wrong at the value's position.
final class DecodingSession {
    /// The file name diagnostics carry.
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes visited, to stop alias bombs (`&a [*b, *b, …]`) from running forever.
    private var visitedNodes = 0
    private static let maximumNodes = 200_000

    /// The zone whose current offset a time without one is told to add.
    let timeZone: TimeZone

    init(file: String, timeZone: TimeZone = .current) {
        self.file = file
        self.timeZone = timeZone
    }

    func location(_ mark: TextPosition?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line, column: mark?.column)
    }

    func report(_ severity: Severity, _ code: DiagnosticCode, at mark: TextPosition?, _ message: String) {
        diagnostics.append(Diagnostic(severity, code, at: location(mark), message))
    }

    /// Adds a diagnostic that does not point into `claim.yaml`.
    func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func error(_ code: DiagnosticCode, at mark: TextPosition?, _ message: String) {
        report(.error, code, at: mark, message)
    }

    /// Keys (`claimant.name`) an unknown key was reported as a likely typo of: their
    /// being absent is that same mistake, not one more.
    var keysSuggested: Set<String> = []

    /// "Did you mean" suggestions still to offer for names searched among many (evidence
    /// files): each costs an edit distance per candidate.
    private var suggestionsLeft = 20

    /// Whether one more costly suggestion may be offered; counts it.
    func takeSuggestion() -> Bool {
        guard suggestionsLeft > 0 else { return false }
        suggestionsLeft -= 1
        return true
    }

    /// Counts a visited node; `false` once the document is too large to be a claim.
    func visit() -> Bool {
        visitedNodes += 1
        if visitedNodes == DecodingSession.maximumNodes {
            error(.yamlSyntax, at: nil, "the document expands to more than \(DecodingSession.maximumNodes) values (YAML aliases?); write the claim out plainly")
        }
        return visitedNodes < DecodingSession.maximumNodes
    }

    // MARK: Scalars

    /// The text of a scalar, trimmed; `nil` (reported) when it is not a scalar, is empty, or
    /// is still an `init` placeholder such as `<ФИО>`.
    func text(_ node: Node, _ path: String) -> String? {
        guard visit() else { return nil }
        guard case .scalar(let scalar) = node else {
            error(.wrongType, at: node.position, "\(path): expected text, found \(describe(node))")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty || scalar.style == .plain && node.tag.rawValue == Tag.Name.null.rawValue {
            error(.missingField, at: node.position, "\(path): the value is empty; fill it in")
            return nil
        }
        if let bad = value.firstCharacterRefusedInText {
            error(.controlCharacter, at: node.position, "\(path): the text holds the control character U+\(String(format: "%04X", bad.value)); remove it")
            return nil
        }
        if value.hasPrefix("<"), value.hasSuffix(">") {
            error(.placeholder, at: node.position, "\(path): placeholder \(value) still to fill in")
            return nil
        }
        return value
    }

    /// A whole number in `range`; a quoted number is accepted.
    func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = text(node, path) else { return nil }
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            error(.wrongType, at: node.position, "\(path): expected a whole number, found \"\(value)\"")
            return nil
        }
        // A negative number, or one too long for Int, is a whole number out of range.
        guard let number = Int(value), range.contains(number) else {
            error(.numberOutOfRange, at: node.position, "\(path): \(value) is out of range; use \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// `true` or `false` (YAML's `yes`/`no` and the like are refused: they read as other
    /// values in other YAML versions).
    func boolean(_ node: Node, _ path: String) -> Bool? {
        guard let value = text(node, path) else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default:
            error(.wrongType, at: node.position, "\(path): expected true or false, found \"\(value)\"")
            return nil
        }
    }

    /// One word of a closed vocabulary, with "did you mean" for a near miss.
    func word<Word: ClaimVocabulary>(_ node: Node, _ path: String, as: Word.Type) -> Word? {
        guard let value = text(node, path) else { return nil }
        if let word = Word(rawValue: value) { return word }
        var message = "\(path): unknown value \"\(value)\"; use one of \(Word.choices)"
        if let guess = Suggestion.closest(to: value, among: Word.allCases.map(\.rawValue)) {
            message = "\(path): unknown value \"\(value)\"; did you mean \"\(guess)\"? (one of \(Word.choices))"
        }
        error(.unknownValue, at: node.position, message)
        return nil
    }

    /// A calendar date `YYYY-MM-DD`.
    func date(_ node: Node, _ path: String) -> CalendarDate? {
        guard let value = text(node, path) else { return nil }
        guard let date = CalendarDate(iso: value) else {
            if let meant = ValueRepair.dottedDate(value) {
                error(.invalidDate, at: node.position, "\(path): \"\(value)\" is written day first; write it as \(meant) (YYYY-MM-DD)")
            } else {
                error(.invalidDate, at: node.position, "\(path): \"\(value)\" is not a date; write YYYY-MM-DD, for example 2026-11-21")
            }
            return nil
        }
        return date
    }

    /// A date, or a date and time with a UTC offset.
    func eventTime(_ node: Node, _ path: String) -> EventTime? {
        guard let value = text(node, path) else { return nil }
        switch EventTime.parse(value) {
        case .success(let time):
            return time
        case .failure(.missingOffset):
            error(.invalidDateTime, at: node.position, "\(path): \"\(value)\" has a time but no UTC offset; add it: \(value)\(ValueRepair.currentOffset(timeZone)) with this computer's offset now (Moscow is +03:00)")
        case .failure(.malformed):
            if let meant = ValueRepair.dottedDate(value) {
                error(.invalidDateTime, at: node.position, "\(path): \"\(value)\" is written day first; write it as \(meant) (YYYY-MM-DD, or 2026-10-01T10:15+03:00 with a time)")
                return nil
            }
            error(.invalidDateTime, at: node.position, "\(path): \"\(value)\" is not a date or date-time; write 2026-10-01 or 2026-10-01T10:15+03:00")
        }
        return nil
    }

    /// A money amount: a quoted decimal string. An unquoted number is refused, because
    /// YAML reads it as a float and money is never a float.
    func amount(_ node: Node, _ path: String) -> DecimalAmount? {
        if case .scalar(let scalar) = node, scalar.style == .plain,
           [Tag.Name.float.rawValue, Tag.Name.int.rawValue].contains(node.tag.rawValue) {
            let fix = DecimalAmount(scalar.string).map { "\"\($0.text)\"" } ?? "\"1500.00\""
            error(.invalidAmount, at: node.position, "\(path): \(scalar.string) is a YAML number, and money is never a float; quote it as a decimal string: \(fix)")
            return nil
        }
        guard let value = text(node, path) else { return nil }
        guard let amount = DecimalAmount(value) else {
            if let meant = ValueRepair.amount(value) {
                error(.invalidAmount, at: node.position, "\(path): \"\(value)\" has digit groups or a decimal comma; write it as \"\(meant.text)\" (digits, a point before the fraction)")
            } else {
                error(.invalidAmount, at: node.position, "\(path): \"\(value)\" is not a decimal amount; write digits with an optional fraction after a point, for example \"1500.00\"")
            }
            return nil
        }
        return amount
    }

    /// A list of scalars (a single scalar counts as a list of one).
    func textList(_ node: Node, _ path: String) -> [(value: String, mark: TextPosition?)] {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().compactMap { index, item in
                text(item, "\(path)[\(index + 1)]").map { ($0, item.position) }
            }
        case .scalar:
            return text(node, path).map { [($0, node.position)] } ?? []
        default:
            error(.wrongType, at: node.position, "\(path): expected a list, found \(describe(node))")
            return []
        }
    }

    /// The items of a list, or `nil` (reported) when the node is not a list.
    func sequence(_ node: Node, _ path: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(.wrongType, at: node.position, "\(path): expected a list (items starting with \"- \"), found \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .mapping: "a mapping (key: value pairs)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

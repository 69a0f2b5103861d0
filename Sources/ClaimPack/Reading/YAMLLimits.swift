internal import CYaml

/// The bounds a `claim.yaml` must keep before it is composed into a tree: no anchors or
/// aliases, and at most so many nodes, so deep, with scalars so long (the file's size is
/// bounded before, by `ClaimFolderReader.maximumClaimFileSize`).
///
/// Why before: Yams composes aliases into copies and hashes every mapping key to find
/// duplicates, so a file under 1 MiB of nested aliases ("billion laughs") took 29 s and
/// 706 MiB, and aliases used as keys made the duplicate check exponential; composing is
/// also recursive, so thousands of nested brackets would overflow the stack. libyaml's
/// event stream (the parser Yams itself uses) is read once, in constant memory per event,
/// and the first bound broken is reported at its line and column; the file is then not
/// composed at all. A claim has no need of anchors and aliases: each value is written out.
enum YAMLLimits {
    /// Values (scalars, lists and mappings) in the whole document: a claim with thousands
    /// of described evidence files stays far below.
    static let maximumNodes = 50_000
    /// Lists and mappings nested in each other; a claim nests four deep.
    static let maximumDepth = 32
    /// Bytes in one scalar: long texts belong in evidence files.
    static let maximumScalarLength = 64 << 10

    /// Reads `text`'s events; `false` with one diagnostic when a bound is broken. A syntax
    /// error ends the check with `true`: composing the document reports it.
    static func check(_ text: String, session: DecodingSession) -> Bool {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return true }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return true }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var nodes = 0
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml stops nesting at its own bound (1,000) while it looks ahead
                    // for a key: that is this bound broken, not a syntax error.
                    guard let problem = parser.problem, String(cString: problem).contains("nesting level") else { return true }
                    let mark = parser.problem_mark
                    session.error(.yamlTooDeep, at: TextPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1), tooDeep)
                    return false
                }
                defer { yaml_event_delete(&event) }
                let position = TextPosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return true
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor)
                    session.error(.yamlAlias, at: position, "the alias *\(name) repeats a value written elsewhere; a claim needs no YAML anchors or aliases: write the value out in full")
                    return false
                case YAML_SCALAR_EVENT:
                    nodes += 1
                    anchor = event.data.scalar.anchor
                    if event.data.scalar.length > maximumScalarLength {
                        session.error(.yamlValueTooLong, at: position, "this value is \(event.data.scalar.length) bytes long, more than the \(maximumScalarLength) a claim's text may have; keep long texts in an evidence file")
                        return false
                    }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    nodes += 1
                    depth += 1
                    anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    if depth > maximumDepth {
                        session.error(.yamlTooDeep, at: position, tooDeep)
                        return false
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if let anchor {
                    session.error(.yamlAlias, at: position, "the anchor &\(string(anchor)) marks a value for YAML aliases to repeat; a claim needs no anchors or aliases: remove it and write each value out in full")
                    return false
                }
                if nodes > maximumNodes {
                    session.error(.yamlTooManyValues, at: position, "the document has more than \(maximumNodes) values, more than any claim needs; describe fewer evidence files, or let them be described from their names")
                    return false
                }
            }
        }
    }

    private static let tooDeep = "lists and mappings nest more than \(maximumDepth) deep here; a claim nests four deep: check the indentation and the brackets"

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}

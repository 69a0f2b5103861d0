internal import Foundation

/// One block of a rendered letter template: a role that says how it is laid out, an
/// argument, and its text. Templates write blocks as `::role argument` lines followed by
/// the text; `docs/templates.md` describes every role.
struct LetterBlock: Sendable, Hashable {
    enum Role: String, Sendable, CaseIterable {
        /// Lines in the right-hand column (the addressee, the sender).
        case right
        /// A centred bold title.
        case title
        /// A centred line.
        case center
        /// A bold heading, kept with what follows.
        case heading
        /// A paragraph with a first-line indent.
        case paragraph
        /// Lines with no indent.
        case plain
        /// A numbered item with a hanging indent («1. …»).
        case item
        /// A table: rows `| a | b |`; a row starting `|*` is bold. Argument: column widths.
        case table
        /// Smaller text.
        case small
        /// Fixed-width text (the seal).
        case mono
        /// A signature line: `left | right` (the date, then the printed name). With the
        /// argument `closing`: the left text (a complimentary close), space to sign, and the
        /// right text (the full name) under it.
        case signature
        /// Vertical space; argument: millimetres.
        case space
        /// A new page; argument: `WIDTHxHEIGHT` in millimetres (default A4).
        case page
        /// On an envelope: the sender, top left.
        case from
        /// On an envelope: the addressee, bottom right.
        case to
        /// On an envelope: the addressee's postcode, in the box at the bottom left.
        case postcode
        /// A part of a post-office form; argument `mark`, `sign` or `stamp` (LetterPDFRenderer+Forms).
        case form
    }

    var role: Role
    var argument: String
    var text: String
}

/// Reads the blocks of a rendered template.
enum LetterMarkup {
    /// Why a template's output is not valid block markup.
    struct Problem: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    /// The blocks, with paragraph-like blocks split at blank lines.
    static func parse(_ text: String) throws(Problem) -> [LetterBlock] {
        var blocks: [LetterBlock] = []
        var current: (role: LetterBlock.Role, argument: String, lines: [String])?
        func flush() {
            guard let block = current else { return }
            let body = block.lines.joined(separator: "\n").trimmingBlankLines()
            switch block.role {
            case .paragraph, .item, .plain, .small:
                for piece in body.components(separatedBy: "\n\n") {
                    let text = piece.trimmingBlankLines()
                    if !text.isEmpty { blocks.append(LetterBlock(role: block.role, argument: block.argument, text: text)) }
                }
            case .space, .page:
                blocks.append(LetterBlock(role: block.role, argument: block.argument, text: ""))
            default:
                if !body.isEmpty { blocks.append(LetterBlock(role: block.role, argument: block.argument, text: body)) }
            }
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("::") {
                flush()
                let words = line.dropFirst(2).split(separator: " ", maxSplits: 1)
                guard let name = words.first, let role = LetterBlock.Role(rawValue: String(name)) else {
                    throw Problem(line: number + 1, message: "unknown block \"\(line)\"; the roles are \(LetterBlock.Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                current = (role, words.count > 1 ? String(words[1]).trimmingCharacters(in: .whitespaces) : "", [])
            } else if current != nil {
                current?.lines.append(String(line))
            } else if !line.allSatisfy(\.isWhitespace) {
                throw Problem(line: number + 1, message: "text before the first ::block")
            }
        }
        flush()
        return blocks
    }
}

extension String {
    /// Without blank lines at the start and the end, each line without trailing spaces.
    func trimmingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

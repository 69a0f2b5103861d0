internal import Foundation

/// The letter as plain UTF-8 text, wrapped at 72 columns, for e-mail or a web form.
enum LetterTextRenderer {
    static let width = 72

    static func render(_ blocks: [LetterBlock]) -> String {
        var output: [String] = []
        for (index, block) in blocks.enumerated() {
            let text = Typography.apply(block.text, keepNamesWhole: false)
            defer {
                // A list ends with a blank line.
                if block.role == .item, index + 1 < blocks.count, blocks[index + 1].role != .item { output.append("") }
            }
            switch block.role {
            case .right, .plain, .small, .mono:
                output += text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: width) }
                output.append("")
            case .title, .center:
                output += text.split(separator: "\n").flatMap { wrap(String($0), width: width) }.map(center)
                output.append("")
            case .heading:
                output += wrap(text, width: width)
            case .paragraph:
                output += wrap(text.replacingOccurrences(of: "\n", with: " "), width: width)
                output.append("")
            case .item:
                let number = text.prefix { $0 != " " && $0 != "\u{00A0}" }
                let hang = String(repeating: " ", count: number.count + 1)
                let lines = wrap(text.replacingOccurrences(of: "\n", with: " "), width: width - hang.count)
                output += lines.enumerated().map { $0.offset == 0 ? $0.element : hang + $0.element }
            case .table:
                output += table(text, rightAligned: Set(block.argument.split(separator: ",").enumerated().filter { $0.element.hasSuffix("r") }.map(\.offset)))
                output.append("")
            case .signature:
                let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let leftText = parts.first ?? "", rightText = parts.count > 1 ? parts[1] : ""
                if block.argument == "closing" {
                    if output.last != "" { output.append("") }
                    output += [leftText, "", "", "", rightText]
                    break
                }
                let gap = max(3, width - leftText.count - rightText.count)
                output.append(leftText + String(repeating: " ", count: gap) + rightText)
            case .space:
                if output.last != "" { output.append("") }
            case .page, .from, .to, .postcode, .form:
                break
            }
        }
        output = output.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while output.last == "" { output.removeLast() }
        return output.joined(separator: "\n") + "\n"
    }

    /// Words wrapped at `width` characters; a no-break space never breaks.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
        return lines
    }

    private static func center(_ line: String) -> String {
        String(repeating: " ", count: max(0, (width - line.count) / 2)) + line
    }

    /// Columns padded to their widest cell (the `rightAligned` ones on the left), separated
    /// by two spaces; when the table is wider than the page, the widest columns are narrowed
    /// and their cells wrapped.
    private static func table(_ text: String, rightAligned: Set<Int> = []) -> [String] {
        let rows = text.split(separator: "\n").map { line -> [String] in
            var body = line.trimmingCharacters(in: .whitespaces)
            body = String(body.drop { $0 == "|" || $0 == "*" })
            var cells = body.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.last == "" { cells.removeLast() }
            return cells
        }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        var widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        while widths.reduce(0, +) + 2 * (columns - 1) > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] -= 1
        }
        var output: [String] = []
        for cells in rows {
            let wrapped = (0..<columns).map { column in column < cells.count ? wrap(cells[column], width: widths[column]) : [""] }
            for line in 0..<(wrapped.map(\.count).max() ?? 1) {
                output.append((0..<columns).map { column in
                    let piece = line < wrapped[column].count ? wrapped[column][line] : ""
                    if rightAligned.contains(column) { return String(repeating: " ", count: max(0, widths[column] - piece.count)) + piece }
                    return piece.padding(toLength: max(widths[column], piece.count), withPad: " ", startingAt: 0)
                }.joined(separator: "  "))
            }
        }
        return output
    }
}

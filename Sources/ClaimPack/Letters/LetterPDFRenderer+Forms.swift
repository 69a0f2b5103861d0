internal import Foundation
internal import PDFRendering

/// The parts of a post-office form that are no running text: the form's number at the top
/// right, a line to sign on with its caption under it, and the box for the date stamp.
extension LetterPDFRenderer {
    /// A `::form` block. Arguments:
    /// - `mark`: the text (`ф. 107`) at the right margin, bold;
    /// - `sign`: `label | caption | name` — the label, a line to sign on with the caption in
    ///   small type under it, and an optional printed name at the right;
    /// - `stamp`: `caption | text` — a box at the right margin for the post office's date
    ///   stamp with its caption inside, and the text (a date line) at its left.
    func renderForm(_ block: LetterBlock, text: String) {
        let left = PageGeometry.margins.left, width = PageGeometry.contentWidth
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch block.argument {
        case "mark":
            let layout = canvas.layout(text, font: PageGeometry.body.boldened, width: width, alignment: .right)
            _ = ensureSpace(layout.height)
            canvas.draw(layout, x: left, y: cursor)
            cursor += layout.height + PageGeometry.gap
        case "sign":
            let label = canvas.layout(parts[0], font: PageGeometry.body, width: width * 0.28)
            let lineStart = left + width * 0.3, lineWidth = width * 0.4
            let caption = canvas.layout(parts.count > 1 ? parts[1] : "", font: PageGeometry.formCaption, width: lineWidth, alignment: .center)
            let name = canvas.layout(parts.count > 2 ? parts[2] : "", font: PageGeometry.body, width: width * 0.28, alignment: .right)
            let lineY = max(label.lines.first?.bottom ?? 12, name.lines.first?.bottom ?? 12)
            let height = max(label.height, name.height, lineY + caption.height + 1) + PageGeometry.gap * 3
            _ = ensureSpace(height)
            cursor += PageGeometry.gap * 2
            canvas.draw(label, x: left, y: cursor)
            canvas.line(from: (lineStart, cursor + lineY), to: (lineStart + lineWidth, cursor + lineY))
            canvas.draw(caption, x: lineStart, y: cursor + lineY + 1)
            canvas.draw(name, x: left + width * 0.72, y: cursor)
            cursor += height - PageGeometry.gap * 2
        case "stamp":
            let box = PageGeometry.stampBox
            let caption = canvas.layout(parts[0], font: PageGeometry.formCaption, width: box.width - 2 * PageGeometry.gap, alignment: .center)
            let side = canvas.layout(parts.count > 1 ? parts[1] : "", font: PageGeometry.body, width: width - box.width - PageGeometry.gap * 3)
            _ = ensureSpace(box.height + PageGeometry.gap * 2)
            cursor += PageGeometry.gap * 2
            let boxX = left + width - box.width
            canvas.rectangle(x: boxX, y: cursor, width: box.width, height: box.height)
            canvas.draw(caption, x: boxX + PageGeometry.gap, y: cursor + PageGeometry.gap)
            canvas.draw(side, x: left, y: cursor + (box.height - side.height) / 2)
            cursor += box.height + PageGeometry.gap
        default:
            break
        }
    }
}

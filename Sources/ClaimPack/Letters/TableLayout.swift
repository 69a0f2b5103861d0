internal import Foundation
internal import PDFRendering

/// A table block: cells wrapped in their columns, rows never split, the header row
/// repeated at the top of each new page. A column width followed by `r` (`20r`) aligns the
/// column right, by `c` centres it.
struct TableLayout {
    let rows: [(cells: [String], bold: Bool)]
    let widths: [Double]
    let alignments: [TextAlignment]
    let canvas: PDFCanvas
    let left: Double
    static let padding = PDFCanvas.points(1.5)

    init(block: LetterBlock, text: String, canvas: PDFCanvas, left: Double, width: Double) {
        self.canvas = canvas
        self.left = left
        rows = text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else { return nil }
            let bold = trimmed.hasPrefix("|*")
            let body = trimmed.dropFirst(bold ? 2 : 1).trimmingCharacters(in: .whitespaces)
            var cells = body.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.last == "" { cells.removeLast() }
            return (cells, bold)
        }
        let columns = rows.map(\.cells.count).max() ?? 1
        let specs = block.argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var relative = specs.compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "rc"))) }
        var alignments = specs.map { $0.hasSuffix("r") ? TextAlignment.right : $0.hasSuffix("c") ? .center : .left }
        if relative.count != columns {
            relative = Array(repeating: 1, count: columns)
            alignments = Array(repeating: .left, count: columns)
        }
        self.alignments = alignments
        let sum = relative.reduce(0, +)
        widths = relative.map { $0 / sum * width }
    }

    func render(into renderer: LetterPDFRenderer) {
        guard let header = rows.first else { return }
        let laidOut = rows.map(layoutRow)
        _ = renderer.ensureSpace(laidOut[0].height + (laidOut.count > 1 ? laidOut[1].height : 0))
        for (index, row) in laidOut.enumerated() {
            if renderer.ensureSpace(row.height), index > 0, header.bold {
                draw(laidOut[0], at: renderer)
            }
            draw(row, at: renderer)
        }
        renderer.cursor += PDFCanvas.points(3)
    }

    private func layoutRow(_ row: (cells: [String], bold: Bool)) -> (layouts: [TextLayout], height: Double) {
        let font = row.bold ? PageGeometry.body.boldened.sized(11) : PageGeometry.body.sized(11)
        let layouts = widths.indices.map { column in
            canvas.layout(column < row.cells.count ? row.cells[column] : "", font: font, width: widths[column] - 2 * TableLayout.padding,
                          alignment: alignments[column])
        }
        return (layouts, (layouts.map(\.height).max() ?? 0) + 2 * TableLayout.padding)
    }

    private func draw(_ row: (layouts: [TextLayout], height: Double), at renderer: LetterPDFRenderer) {
        var x = left
        for (column, layout) in row.layouts.enumerated() {
            canvas.rectangle(x: x, y: renderer.cursor, width: widths[column], height: row.height)
            canvas.draw(layout, x: x + TableLayout.padding, y: renderer.cursor + TableLayout.padding)
            x += widths[column]
        }
        renderer.cursor += row.height
    }
}

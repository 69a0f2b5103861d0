internal import Foundation
internal import PDFRendering

/// A table block: cells wrapped in their columns, rows never split, the header row
/// repeated at the top of each new page. A column width followed by `r` (`20r`) aligns the
/// column right, by `c` centres it. The bold first row is set smaller, if need be, until no
/// word of it breaks inside («Количество», not «Количест-во»).
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

    /// The height of the first two rows (the header and the first row under it): what a
    /// page must hold to begin the table, and what a heading before it keeps with.
    var leadHeight: Double {
        laidOut(rows.prefix(2)).map(\.height).reduce(0, +)
    }

    func render(into renderer: LetterPDFRenderer) {
        guard let header = rows.first else { return }
        let laidOut = laidOut(rows[...])
        _ = renderer.ensureSpace(laidOut.prefix(2).map(\.height).reduce(0, +))
        for (index, row) in laidOut.enumerated() {
            if renderer.ensureSpace(row.height), index > 0, header.bold {
                draw(laidOut[0], at: renderer)
            }
            draw(row, at: renderer)
        }
        renderer.cursor += PDFCanvas.points(3)
    }

    /// `rows` laid out, the bold header row of the table at its fitting size.
    private func laidOut(_ rows: ArraySlice<(cells: [String], bold: Bool)>) -> [(layouts: [TextLayout], height: Double)] {
        guard let header = self.rows.first else { return [] }
        let headerSize = header.bold ? fittingSize(header.cells) : 11
        return rows.enumerated().map { index, row in layoutRow(row, size: index == 0 ? headerSize : 11) }
    }

    /// The largest size, 11 pt down to `PageGeometry.smallestHeaderSize`, at which every word
    /// of the header's cells fits its column on one line.
    private func fittingSize(_ cells: [String]) -> Double {
        var size = 11.0
        while size > PageGeometry.smallestHeaderSize {
            let font = PageGeometry.body.boldened.sized(size)
            let fits = zip(cells, widths).allSatisfy { cell, width in
                cell.split(whereSeparator: \.isWhitespace).allSatisfy { word in
                    canvas.layout(String(word), font: font, width: width - 2 * TableLayout.padding).lines.count <= 1
                }
            }
            if fits { break }
            size -= 0.5
        }
        return size
    }

    private func layoutRow(_ row: (cells: [String], bold: Bool), size: Double) -> (layouts: [TextLayout], height: Double) {
        let font = row.bold ? PageGeometry.body.boldened.sized(size) : PageGeometry.body.sized(size)
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

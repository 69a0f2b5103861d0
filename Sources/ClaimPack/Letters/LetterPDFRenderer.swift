internal import Foundation
internal import PDFRendering

/// Lays blocks out on A4 pages: margins, the right-hand column, paragraphs split between
/// pages at line boundaries, headings kept with what follows, page numbers at the top
/// centre from the second page of each section.
final class LetterPDFRenderer {
    let canvas: PDFCanvas
    private var y = 0.0
    private(set) var pageInSection = 0
    private var pageSize = PageGeometry.a4
    private var envelopePage = false
    /// The height that must follow the block being flowed on its page (the closing group,
    /// and the blocks kept with it): its last lines move to the next page with it.
    private var tail = 0.0

    init(canvas: PDFCanvas) {
        self.canvas = canvas
    }

    /// `blocks` laid out alone as one A4 section: a PDF to read back (tests of the layout).
    static func pdf(of blocks: [LetterBlock]) throws(LetterError) -> [UInt8] {
        do {
            let canvas = try PDFCanvas(metadata: .init(title: "", author: "", creationDate: "2026-01-01T00:00:00"))
            let renderer = LetterPDFRenderer(canvas: canvas)
            renderer.startSection()
            renderer.render(blocks)
            return try canvas.finish()
        } catch {
            throw .rendering(error.description)
        }
    }

    private var left: Double { PageGeometry.margins.left }
    private var width: Double { PageGeometry.contentWidth }
    private var bottom: Double { pageSize.height - PageGeometry.margins.bottom }

    /// Starts a section (the letter, a copy of the inventory): a new page, numbered 1.
    func startSection(size: (width: Double, height: Double) = PageGeometry.a4, envelope: Bool = false) {
        pageInSection = 0
        pageSize = size
        envelopePage = envelope
        newPage()
    }

    private func newPage() {
        canvas.beginPage(width: pageSize.width, height: pageSize.height)
        pageInSection += 1
        y = PageGeometry.margins.top
        if pageInSection >= 2 {
            let number = canvas.layout(String(pageInSection), font: PageGeometry.small, width: width, alignment: .center)
            canvas.draw(number, x: left, y: PDFCanvas.points(10))
        }
    }

    func render(_ blocks: [LetterBlock]) {
        if envelopePage {
            func text(_ role: LetterBlock.Role) -> String {
                blocks.filter { $0.role == role }.map { Typography.apply($0.text) }.joined(separator: "\n")
            }
            renderEnvelope(from: text(.from), to: text(.to), postcode: text(.postcode))
            return
        }
        // The closing group — the seal and the signature — stays on one page.
        let closingRoles: Set<LetterBlock.Role> = [.small, .mono, .signature, .space]
        var closingStart = blocks.count
        while closingStart > 0, closingRoles.contains(blocks[closingStart - 1].role) { closingStart -= 1 }
        if !blocks[closingStart...].contains(where: { $0.role == .signature }) { closingStart = blocks.count }
        let closingHeight = blocks[closingStart...].reduce(0.0) { $0 + estimatedHeight($1) }
        let kept = keptBeforeClosing(blocks, closingStart: closingStart)
        for (index, block) in blocks.enumerated() {
            if kept.contains(index), closingHeight < bottom - PageGeometry.margins.top {
                tail = closingHeight + blocks[(index + 1)..<closingStart].reduce(0.0) { $0 + (bodyLayout(for: $1).map { $0.layout.height + $0.spacing } ?? 0) }
            }
            if index == closingStart {
                if y + closingHeight > bottom, y > PageGeometry.margins.top + 0.1, closingHeight < bottom - PageGeometry.margins.top { newPage() }
            }
            render(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil)
            tail = 0
        }
    }

    /// The body-text blocks just before the closing group that hold its last two lines: at
    /// least two lines of text go onto the signature's page.
    private func keptBeforeClosing(_ blocks: [LetterBlock], closingStart: Int) -> Range<Int> {
        guard closingStart < blocks.count else { return closingStart..<closingStart }
        var start = closingStart
        var lines = 0
        while start > 0, lines < 2, closingStart - start < 3, let laidOut = bodyLayout(for: blocks[start - 1]) {
            lines += laidOut.layout.lines.count
            start -= 1
        }
        return start..<closingStart
    }

    /// The layout of a block of body text (paragraph, plain lines, numbered item), where it
    /// starts and the space after it; `nil` for other blocks.
    private func bodyLayout(for block: LetterBlock) -> (layout: TextLayout, x: Double, spacing: Double)? {
        let text = Typography.apply(block.text)
        switch block.role {
        case .paragraph:
            return (canvas.layout(text, font: PageGeometry.body, width: width, indent: PageGeometry.paragraphIndent,
                                  lineSpacing: PageGeometry.lineSpacing), left, PageGeometry.gap)
        case .plain:
            return (canvas.layout(text, font: PageGeometry.body, width: width, lineSpacing: PageGeometry.lineSpacing), left, PageGeometry.gap)
        case .item:
            return (canvas.layout(text, font: PageGeometry.body, width: width - PageGeometry.paragraphIndent,
                                  indent: -PageGeometry.hangingIndent, lineSpacing: PageGeometry.lineSpacing),
                    left + PageGeometry.paragraphIndent, PageGeometry.gap)
        default:
            return nil
        }
    }

    /// About how much height a block of the closing group takes.
    private func estimatedHeight(_ block: LetterBlock) -> Double {
        switch block.role {
        case .space: return PDFCanvas.points(Double(block.argument) ?? 5)
        case .signature: return block.argument == "closing" ? PageGeometry.gap * 4 + PDFCanvas.points(15) + 32 : PageGeometry.gap * 4 + 16
        case .mono: return canvas.layout(block.text, font: PageGeometry.mono, width: width, lineSpacing: PageGeometry.lineSpacing).height + PageGeometry.gap
        default: return canvas.layout(Typography.apply(block.text), font: PageGeometry.small, width: width, lineSpacing: PageGeometry.lineSpacing).height + PageGeometry.gap
        }
    }

    private func render(_ block: LetterBlock, next: LetterBlock?) {
        let text = Typography.apply(block.text)
        switch block.role {
        case .right:
            let layout = canvas.layout(text, font: PageGeometry.body, width: PageGeometry.rightColumnWidth, lineSpacing: PageGeometry.lineSpacing)
            flow(layout, x: left + width - PageGeometry.rightColumnWidth, after: PageGeometry.gap * 2)
        case .title:
            let layout = canvas.layout(text, font: PageGeometry.title, width: width, alignment: .center, lineSpacing: PageGeometry.lineSpacing)
            y += PageGeometry.gap * 2
            keep(layout, withNext: next)
            flow(layout, x: left, after: PageGeometry.gap)
        case .center:
            let layout = canvas.layout(text, font: PageGeometry.body, width: width, alignment: .center, lineSpacing: PageGeometry.lineSpacing)
            flow(layout, x: left, after: PageGeometry.gap * 2)
        case .heading:
            let layout = canvas.layout(text, font: PageGeometry.body.boldened, width: width, lineSpacing: PageGeometry.lineSpacing)
            y += PageGeometry.gap
            keep(layout, withNext: next)
            flow(layout, x: left, after: PageGeometry.gap)
        case .paragraph, .plain, .item:
            if let body = bodyLayout(for: block) { flow(body.layout, x: body.x, after: body.spacing) }
        case .small:
            flow(canvas.layout(text, font: PageGeometry.small, width: width, lineSpacing: PageGeometry.lineSpacing), x: left, after: PageGeometry.gap)
        case .mono:
            flow(canvas.layout(text, font: PageGeometry.mono, width: width, lineSpacing: PageGeometry.lineSpacing), x: left, after: PageGeometry.gap)
        case .table:
            TableLayout(block: block, text: text, canvas: canvas, left: left, width: width).render(into: self)
        case .signature:
            if block.argument == "closing" { closing(text) } else { signature(text) }
        case .space:
            y += PDFCanvas.points(Double(block.argument) ?? 5)
        case .page:
            break  // sections are started by the caller
        case .from, .to, .postcode:
            break  // laid out together by renderEnvelope
        case .form:
            renderForm(block, text: text)
        }
    }

    /// Draws `layout` from the cursor, continuing on new pages as needed. No page begins or
    /// ends with a single line of a block (no widow, no orphan), and when `tail` must follow
    /// the block on its page, the block's last two lines go to the next page with it.
    func flow(_ layout: TextLayout, x: Double, after spacing: Double) {
        let count = layout.lines.count
        var line = 0
        while line < count {
            let rest = count - line
            let atTop = y <= PageGeometry.margins.top + 0.1
            var fitting = layout.linesFitting(from: line, in: bottom - y)
            if fitting < rest {
                if rest - fitting < 2 { fitting = rest - 2 }
                if line == 0, fitting < 2 { fitting = 0 }
            } else if tail > 0, line == 0 || !atTop, y + layout.height(of: line..<count) + spacing + tail > bottom {
                fitting = rest >= 4 ? rest - 2 : 0
            }
            if fitting <= 0 {
                if !atTop {
                    newPage()
                    continue
                }
                fitting = max(1, layout.linesFitting(from: line, in: bottom - y))  // taller than a page
            }
            canvas.draw(layout, x: x, y: y, lines: line..<(line + fitting))
            y += layout.height(of: line..<(line + fitting))
            line += fitting
            if line < count { newPage() }
        }
        y += spacing
    }

    /// Starts a new page unless `layout` and the first two lines (or table rows) of the next
    /// block fit here, so that a heading never stands alone at the foot of a page.
    private func keep(_ layout: TextLayout, withNext next: LetterBlock?) {
        let needed = layout.height + PageGeometry.gap + (next.map(leadHeight(of:)) ?? 0)
        if y + needed > bottom, y > PageGeometry.margins.top + 0.1 { newPage() }
    }

    /// The height of the first two lines of `block` as it will be laid out — the first two
    /// rows of a table, which never split.
    private func leadHeight(of block: LetterBlock) -> Double {
        let text = Typography.apply(block.text)
        if block.role == .table {
            return TableLayout(block: block, text: text, canvas: canvas, left: left, width: width).leadHeight
        }
        let layout = bodyLayout(for: block)?.layout ?? canvas.layout(text, font: PageGeometry.body, width: width)
        return layout.height(of: 0..<min(2, layout.lines.count))
    }

    /// Whether `height` fits below the cursor; starts a new page when it does not.
    func ensureSpace(_ height: Double) -> Bool {
        if y + height <= bottom { return false }
        newPage()
        return true
    }

    var cursor: Double {
        get { y }
        set { y = newValue }
    }

    /// `left | right`: the date at the left, the printed name at the right, and a line to
    /// sign on between them.
    private func signature(_ text: String) {
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let leftText = canvas.layout(parts.first ?? "", font: PageGeometry.body, width: width * 0.4)
        let rightText = canvas.layout(parts.count > 1 ? parts[1] : "", font: PageGeometry.body, width: width * 0.35, alignment: .right)
        let height = max(leftText.height, rightText.height) + PageGeometry.gap * 4
        _ = ensureSpace(height)
        y += PageGeometry.gap * 3
        canvas.draw(leftText, x: left, y: y)
        canvas.draw(rightText, x: left + width * 0.65, y: y)
        let lineY = y + (leftText.lines.first?.bottom ?? 12)
        canvas.line(from: (left + width * 0.42, lineY), to: (left + width * 0.63, lineY))
        y += height - PageGeometry.gap * 3
    }

    /// `close | name`: a complimentary close, space to sign in, and the full name under it.
    private func closing(_ text: String) {
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let close = canvas.layout(parts.first ?? "", font: PageGeometry.body, width: width * 0.6, lineSpacing: PageGeometry.lineSpacing)
        let name = canvas.layout(parts.count > 1 ? parts[1] : "", font: PageGeometry.body, width: width * 0.6, lineSpacing: PageGeometry.lineSpacing)
        let signingSpace = PDFCanvas.points(15)
        _ = ensureSpace(PageGeometry.gap * 3 + close.height + signingSpace + name.height)
        y += PageGeometry.gap * 3
        canvas.draw(close, x: left, y: y)
        y += close.height + signingSpace
        canvas.line(from: (left, y - 2), to: (left + width * 0.35, y - 2))
        canvas.draw(name, x: left, y: y)
        y += name.height + PageGeometry.gap
    }

    /// An envelope or a label: the sender at the top left, the addressee at the bottom
    /// right, the addressee's postcode in a box at the bottom left. Long names and addresses
    /// are set smaller until everything fits without overlapping.
    private func renderEnvelope(from: String, to: String, postcode: String) {
        let isLabel = pageSize.width < PDFCanvas.points(150)
        let margin = PDFCanvas.points(isLabel ? 5 : 12)
        let gap = PDFCanvas.points(3)
        var senderSize = isLabel ? 7.5 : 10.0
        var addresseeSize = isLabel ? 9.0 : 13.0
        let boxFont = PageGeometry.body.boldened.sized(isLabel ? 12 : 16)
        let box = postcode.isEmpty ? nil : canvas.layout(postcode, font: boxFont, width: pageSize.width * 0.3)
        let boxHeight = box.map { $0.height + PDFCanvas.points(4) } ?? 0
        while true {
            let sender = canvas.layout(from, font: PageGeometry.small.sized(senderSize), width: pageSize.width * 0.45 - margin)
            let addressee = canvas.layout(to, font: PageGeometry.body.sized(addresseeSize), width: pageSize.width * 0.52 - margin)
            let senderBottom = margin + min(sender.height, pageSize.height * 0.45 - margin - gap)
            let addresseeTop = max(senderBottom + gap, pageSize.height * 0.45, pageSize.height - margin - addressee.height)
            let fits = margin + sender.height <= senderBottom + 0.5
                && addresseeTop + addressee.height <= pageSize.height - margin + 0.5
                && senderBottom + gap + boxHeight <= pageSize.height - margin
            if fits || (senderSize <= 5 && addresseeSize <= 6) {
                // What cannot fit even in the smallest size (a name of thousands of letters)
                // is cut at the page's margin rather than drawn off the page.
                canvas.draw(sender, x: margin, y: margin, lines: 0..<max(1, sender.linesFitting(from: 0, in: addresseeTop - gap - margin)))
                canvas.draw(addressee, x: pageSize.width * 0.48, y: addresseeTop,
                            lines: 0..<max(1, addressee.linesFitting(from: 0, in: pageSize.height - margin - addresseeTop)))
                if let box {
                    let boxY = pageSize.height - margin - boxHeight
                    canvas.rectangle(x: margin, y: boxY, width: pageSize.width * 0.3, height: boxHeight)
                    canvas.draw(box, x: margin + PDFCanvas.points(2), y: boxY + PDFCanvas.points(2))
                }
                return
            }
            senderSize = max(5, senderSize - 0.5)
            addresseeSize = max(6, addresseeSize - 0.5)
        }
    }
}

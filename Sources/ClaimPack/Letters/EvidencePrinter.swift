internal import Foundation
internal import PDFRendering

/// Prints the copies of the enclosed evidence into the kit: first plans them (reading each
/// file once, to count its pages and hash it), then draws them, each from a new page, with
/// a header naming the attachment and the sheet and a footer with the file's SHA-256 and
/// the bundle's seal. One file is held in memory at a time.
final class EvidencePrinter {
    private let canvas: PDFCanvas
    private let reader: EvidenceReader
    private let claim: Claim
    private let seal: SHA256Digest
    private let wording: LocaleWording

    /// Images are printed at most at this resolution: 150 dpi, never larger.
    static let naturalScale = 72.0 / 150
    /// How much neighbouring pages of a split image show twice, in millimetres.
    static let overlapMillimetres = 10.0
    /// An image is split across pages rather than shrunk to fit one page when fitting it
    /// would set it at less than this share of the scale that fits its width.
    static let smallestShrink = 0.5

    private let pageSize = PageGeometry.a4
    private var left: Double { PageGeometry.margins.left }
    private var width: Double { PageGeometry.contentWidth }
    private var top: Double { PageGeometry.margins.top }
    private var bottom: Double { pageSize.height - PageGeometry.margins.bottom }
    /// The height of the area a copy's page shows the file in: the letter's margins.
    static var areaHeight: Double { PageGeometry.a4.height - PageGeometry.margins.top - PageGeometry.margins.bottom }
    private var areaHeight: Double { EvidencePrinter.areaHeight }
    /// The room kept under a band of a split image for the line saying it continues.
    static let continuedHeight = 28.0

    init(canvas: PDFCanvas, source: EvidenceSource, claim: Claim, seal: SHA256Digest, wording: LocaleWording) {
        self.canvas = canvas
        reader = EvidenceReader(source)
        self.claim = claim
        self.seal = seal
        self.wording = wording
    }

    /// The copies of the evidence among `enclosures`, planned.
    /// - Throws: `LetterError.evidence` naming a file that cannot be read or decoded.
    func plan(_ enclosures: [Enclosure]) throws(LetterError) -> [EvidenceCopy] {
        var copies: [EvidenceCopy] = []
        for enclosure in enclosures {
            guard let id = enclosure.evidenceID, let entry = claim.evidence.first(where: { $0.id == id }) else { continue }
            let path = entry.file
            switch EvidenceCopy.Kind(path: path, enclosure: enclosure) {
            case .image:
                let (bytes, sha256) = try reader.bytes(of: path)
                let plan = try { () throws(LetterError) in
                    let image = try decodeImage(bytes, path: path)
                    return EvidencePrinter.imagePlan(width: image.width, height: image.height)
                }()
                copies.append(EvidenceCopy(enclosure: enclosure, path: path, sha256: sha256,
                                           content: .image(scale: plan.scale, slices: plan.slices)))
            case .pdf:
                let (bytes, sha256) = try reader.bytes(of: path)
                let document = try openPDF(bytes, path: path)
                copies.append(EvidenceCopy(enclosure: enclosure, path: path, sha256: sha256, content: .pdf(pages: document.pageCount)))
            case .text:
                let (bytes, sha256) = try reader.bytes(of: path)
                let pages = textPages(try layoutText(bytes, path: path)).count
                copies.append(EvidenceCopy(enclosure: enclosure, path: path, sha256: sha256, content: .text(pages: pages)))
            case .sheet:
                let (size, sha256) = try reader.digest(of: path)
                copies.append(EvidenceCopy(enclosure: enclosure, path: path, sha256: sha256, content: .sheet(size: size)))
            }
        }
        return copies
    }

    /// Draws `copy`, each page a new A4 page, reading its file again.
    /// - Parameters:
    ///   - enclosures: the whole list, for the medium a file travels on.
    ///   - only: the pages to draw (from 0), each headed with its place in the whole copy;
    ///     `nil` draws them all (the export splits a copy too large for a portal so).
    func render(_ copy: EvidenceCopy, enclosures: [Enclosure], only: Range<Int>? = nil) throws(LetterError) {
        let total = copy.pages
        let pages = only ?? 0..<total
        switch copy.content {
        case .image(let scale, let slices):
            let image = try decodeImage(try reader.bytes(of: copy.path).bytes, path: copy.path)
            for (index, rows) in slices.enumerated() where pages.contains(index) {
                startPage(copy, sheet: index + 1, of: total)
                let imageWidth = Double(image.width) * scale
                canvas.draw(image, x: left + (width - imageWidth) / 2, y: top, scale: scale, rows: rows)
                if index + 1 < slices.count {
                    let note = canvas.layout(wording.copyPhrase("continued", ["overlap": String(Int(EvidencePrinter.overlapMillimetres))]),
                                             font: PageGeometry.small, width: width)
                    canvas.draw(note, x: left, y: bottom - note.height)
                }
            }
        case .pdf:
            let document = try openPDF(try reader.bytes(of: copy.path).bytes, path: copy.path)
            for index in 0..<document.pageCount where pages.contains(index) {
                startPage(copy, sheet: index + 1, of: total)
                let size = document.size(ofPage: index)
                guard size.width > 0, size.height > 0 else { continue }
                let scale = min(1, width / size.width, areaHeight / size.height)
                canvas.draw(page: index, of: document, x: left + (width - size.width * scale) / 2, y: top, scale: scale)
            }
        case .text:
            let layout = try layoutText(try reader.bytes(of: copy.path).bytes, path: copy.path)
            for (index, lines) in textPages(layout).enumerated() where pages.contains(index) {
                startPage(copy, sheet: index + 1, of: total)
                canvas.draw(layout, x: left, y: top, lines: lines)
            }
        case .sheet(let size):
            guard pages.contains(0) else { return }
            startPage(copy, sheet: 1, of: 1)
            renderSheet(copy, size: size, enclosures: enclosures)
        }
    }

    /// A new page with the copy's header and footer.
    private func startPage(_ copy: EvidenceCopy, sheet: Int, of sheets: Int) {
        canvas.beginPage(width: pageSize.width, height: pageSize.height)
        let document = wording.copyPhrase(claim.kind.rawValue)
        let header = canvas.layout(wording.copyPhrase("header", [
            "number": String(copy.enclosure.number), "document": document,
            "date": wording.formatShort(claim.date, in: claim.jurisdiction),
            "sheet": String(sheet), "sheets": String(sheets),
        ]), font: PageGeometry.small, width: width, alignment: .right)
        let headerY = PDFCanvas.points(10)
        canvas.draw(header, x: left, y: headerY)
        canvas.line(from: (left, headerY + header.height + 2), to: (left + width, headerY + header.height + 2), width: 0.3)
        let fileName = String(copy.path.split(separator: "/").last ?? "")
        let footer = canvas.layout(wording.copyPhrase("file_hash", ["file": fileName, "hash": String(copy.sha256.hex.prefix(16))])
                                   + "\n" + wording.copyPhrase("seal", ["seal": seal.hex]),
                                   font: PageGeometry.formCaption, width: width)
        let footerY = pageSize.height - PDFCanvas.points(8) - footer.height
        canvas.line(from: (left, footerY - 2), to: (left + width, footerY - 2), width: 0.3)
        canvas.draw(footer, x: left, y: footerY)
    }

    /// The sheet of a file that cannot be printed: its title, name, size, SHA-256 and medium.
    private func renderSheet(_ copy: EvidenceCopy, size: UInt64, enclosures: [Enclosure]) {
        var y = top
        let title = canvas.layout(Typography.apply(copy.enclosure.title), font: PageGeometry.body.boldened, width: width,
                                  lineSpacing: PageGeometry.lineSpacing)
        canvas.draw(title, x: left, y: y)
        y += title.height + PageGeometry.gap * 3
        let note = canvas.layout(wording.copyPhrase("unprintable"), font: PageGeometry.body, width: width, lineSpacing: PageGeometry.lineSpacing)
        canvas.draw(note, x: left, y: y)
        y += note.height + PageGeometry.gap * 3
        let medium: String
        if copy.enclosure.form == .audio || copy.enclosure.form == .video {
            medium = wording.copyPhrase("own_medium", ["number": String(copy.enclosure.number)])
        } else if let bundle = enclosures.last(where: { $0.form == .electronicCopy }) {
            medium = wording.copyPhrase("bundle_medium", ["bundle": bundle.file, "number": String(bundle.number)])
        } else {
            medium = wording.copyPhrase("bundle_file", ["bundle": claim.id + ".zip"])
        }
        let rows: [(String, String, Bool)] = [
            (wording.copyPhrase("file"), copy.path, false),
            (wording.copyPhrase("size"), wording.copyPhrase("bytes", ["count": DecimalAmount(String(size)).map(wording.formatNumber) ?? String(size)]), false),
            (wording.copyPhrase("sha256"), copy.sha256.grouped, true),
            (wording.copyPhrase("medium"), medium, false),
        ]
        let labelWidth = width * 0.22
        for (label, value, mono) in rows {
            let labelLayout = canvas.layout(label, font: PageGeometry.body.boldened, width: labelWidth)
            let valueLayout = canvas.layout(value, font: mono ? PageGeometry.mono : PageGeometry.body, width: width - labelWidth,
                                            lineSpacing: PageGeometry.lineSpacing)
            canvas.draw(labelLayout, x: left, y: y)
            canvas.draw(valueLayout, x: left + labelWidth, y: y)
            y += max(labelLayout.height, valueLayout.height) + PageGeometry.gap * 2
        }
    }

    /// The page bands of an image of `pixels` width × height: one band when it fits one page
    /// at no less than `smallestShrink` of the width's scale, otherwise bands of a page's
    /// height overlapping by `overlapMillimetres`.
    static func imagePlan(width pixelWidth: Int, height pixelHeight: Int) -> (scale: Double, slices: [Range<Double>]) {
        let (width, areaHeight) = (PageGeometry.contentWidth, EvidencePrinter.areaHeight)
        let (w, h) = (Double(max(1, pixelWidth)), Double(max(1, pixelHeight)))
        let widthScale = min(EvidencePrinter.naturalScale, width / w)
        if h * widthScale <= areaHeight { return (widthScale, [0..<h]) }
        let pageScale = areaHeight / h
        if pageScale >= widthScale * EvidencePrinter.smallestShrink { return (pageScale, [0..<h]) }
        let band = (areaHeight - continuedHeight) / widthScale
        let step = band - PDFCanvas.points(EvidencePrinter.overlapMillimetres) / widthScale
        var slices: [Range<Double>] = []
        var start = 0.0
        while true {
            if start + (areaHeight / widthScale) >= h {
                // The last band needs no line under it, so it may use the whole height.
                slices.append(start..<h)
                break
            }
            slices.append(start..<(start + band))
            start += step
        }
        return (widthScale, slices)
    }

    /// The line ranges of `layout` on each page.
    private func textPages(_ layout: TextLayout) -> [Range<Int>] {
        var pages: [Range<Int>] = []
        var line = 0
        while line < layout.lines.count {
            let count = max(1, layout.linesFitting(from: line, in: areaHeight))
            pages.append(line..<(line + count))
            line += count
        }
        return pages.isEmpty ? [0..<0] : pages
    }

    private func layoutText(_ bytes: [UInt8], path: String) throws(LetterError) -> TextLayout {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .evidence("\(path): cannot be printed: not UTF-8 text; save it as UTF-8, or give it enclose: false")
        }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return canvas.layout(normalized, font: PageGeometry.body, width: width, lineSpacing: PageGeometry.lineSpacing)
    }

    private func decodeImage(_ bytes: [UInt8], path: String) throws(LetterError) -> RasterImage {
        do {
            return try RasterImage(bytes: bytes)
        } catch {
            if case .libraryMissing = error { throw .libraryMissing("\(path): cannot be printed: \(error.description)") }
            throw .evidence("\(path): cannot be printed: the image does not decode (\(error.description)); convert it to PNG or JPEG, or give it enclose: false")
        }
    }

    private func openPDF(_ bytes: [UInt8], path: String) throws(LetterError) -> PDFSourceDocument {
        let document: PDFSourceDocument
        do {
            document = try PDFSourceDocument(bytes: bytes)
        } catch {
            if case .libraryMissing = error { throw .libraryMissing("\(path): cannot be printed: \(error.description)") }
            throw .evidence("\(path): cannot be printed: the PDF does not open (\(error.description)); give it enclose: false, or print it and state sheets: with --attachments list")
        }
        guard document.pageCount > 0 else { throw .evidence("\(path): cannot be printed: the PDF has no pages") }
        return document
    }
}

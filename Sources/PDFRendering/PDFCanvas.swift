internal import CPangoCairo

/// A PDF being drawn with Cairo and Pango: pages of any size, text, lines and boxes.
/// Coordinates are in points from the top left of the page; the PDF is kept in memory
/// and returned by `finish()`, so that the caller writes it atomically.
public final class PDFCanvas {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let output: OutputBuffer
    private var pageOpen = false

    /// Millimetres to points.
    public static func points(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }

    /// Document metadata: its title, author and creation date (`YYYY-MM-DDTHH:MM:SS`),
    /// so that the same input gives the same bytes.
    public struct Metadata: Sendable {
        public var title: String
        public var author: String
        public var creationDate: String

        public init(title: String, author: String, creationDate: String) {
            self.title = title
            self.author = author
            self.creationDate = creationDate
        }
    }

    public init(metadata: Metadata) throws(PDFError) {
        output = OutputBuffer()
        let closure: cairo_write_func_t = { userData, data, length in
            guard let userData, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<OutputBuffer>.fromOpaque(userData).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(closure, Unmanaged.passUnretained(output).toOpaque(), 595, 842) else {
            throw .cairo(status: "no surface")
        }
        self.surface = surface
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "claimpack")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate)
        context = cairo_create(surface)
        let status = cairo_status(context)
        if status != CAIRO_STATUS_SUCCESS { throw .cairo(status: String(cString: cairo_status_to_string(status))) }
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Starts a page of `width` × `height` points (closing the one before).
    public func beginPage(width: Double, height: Double) {
        if pageOpen { cairo_show_page(context) }
        cairo_pdf_surface_set_size(surface, width, height)
        pageOpen = true
    }

    /// Lays `text` out at `width` points.
    /// - Parameters:
    ///   - indent: the first line's indent in points (negative: a hanging indent).
    ///   - lineSpacing: the factor applied to the font's line height.
    public func layout(_ text: String, font: FontStyle, width: Double, alignment: TextAlignment = .left,
                       indent: Double = 0, lineSpacing: Double = 1.0) -> TextLayout {
        let layout = pango_cairo_create_layout(context)!
        // Cairo's PDF surface has 72 units to the inch; at Pango's default 96 dpi every
        // size would be 4/3 of what was asked (a 12 pt body set in 16 pt).
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
        pango_layout_context_changed(layout)
        let scale = Double(cp_pango_scale())
        let description = pango_font_description_from_string(font.pangoDescription)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * scale))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_indent(layout, Int32(indent * scale))
        pango_layout_set_line_spacing(layout, Float(lineSpacing))
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        pango_layout_set_text(layout, text, -1)
        return TextLayout(layout: layout)
    }

    /// Draws lines `range` of `layout` with the top of the first at (`x`, `y`).
    public func draw(_ layout: TextLayout, x: Double, y: Double, lines range: Range<Int>? = nil) {
        let range = range ?? 0..<layout.lines.count
        guard let first = range.first else { return }
        let pango = layout.layout
        let scale = Double(cp_pango_scale())
        let iterator = pango_layout_get_iter(pango)
        var index = 0
        cairo_set_source_rgb(context, 0, 0, 0)
        repeat {
            if range.contains(index) {
                let baseline = Double(pango_layout_iter_get_baseline(iterator)) / scale
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, nil, &logical)
                cairo_move_to(context, x + Double(logical.x) / scale, y + baseline - layout.lines[first].top)
                pango_cairo_show_layout_line(context, pango_layout_iter_get_line_readonly(iterator))
            }
            index += 1
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
    }

    /// A straight line.
    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double = 0.5) {
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_set_line_width(context, width)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
    }

    /// A rectangle's outline.
    public func rectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5) {
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_set_line_width(context, lineWidth)
        cairo_rectangle(context, x, y, width, height)
        cairo_stroke(context)
    }

    /// Draws rows `rows` (in pixels, of the image as seen) of `image` at `scale` points a
    /// pixel, their top left at (`x`, `y`); the rest of the image is clipped away.
    public func draw(_ image: RasterImage, x: Double, y: Double, scale: Double, rows: Range<Double>? = nil) {
        let rows = rows ?? 0..<Double(image.height)
        cairo_save(context)
        cairo_rectangle(context, x, y, Double(image.width) * scale, (rows.upperBound - rows.lowerBound) * scale)
        cairo_clip(context)
        cairo_translate(context, x, y - rows.lowerBound * scale)
        cairo_scale(context, scale, scale)
        var matrix = image.orientationMatrix
        cairo_transform(context, &matrix)
        cairo_set_source_surface(context, image.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_paint(context)
        cairo_restore(context)
    }

    /// Draws page `index` of `document` at `scale`, its top left at (`x`, `y`), clipped to
    /// the page.
    public func draw(page index: Int, of document: PDFSourceDocument, x: Double, y: Double, scale: Double) {
        let size = document.size(ofPage: index)
        cairo_save(context)
        cairo_rectangle(context, x, y, size.width * scale, size.height * scale)
        cairo_clip(context)
        cairo_translate(context, x, y)
        cairo_scale(context, scale, scale)
        document.render(page: index, into: context)
        cairo_restore(context)
    }

    /// Ends the document and returns the PDF's bytes.
    public func finish() throws(PDFError) -> [UInt8] {
        if pageOpen { cairo_show_page(context) }
        pageOpen = false
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        if status != CAIRO_STATUS_SUCCESS { throw .cairo(status: String(cString: cairo_status_to_string(status))) }
        return output.bytes
    }
}

/// Where Cairo's stream callback appends the PDF.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

internal import CPangoCairo

/// A text block laid out by Pango at a width: its lines and their positions, so that a
/// caller can place it, or split it between pages at a line boundary.
public final class TextLayout {
    let layout: OpaquePointer
    /// The top and bottom of each line, in points from the top of the block.
    public let lines: [(top: Double, bottom: Double)]

    init(layout: OpaquePointer) {
        self.layout = layout
        let scale = Double(cp_pango_scale())
        var lines: [(Double, Double)] = []
        let iterator = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append((Double(logical.y) / scale, Double(logical.y + logical.height) / scale))
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        self.lines = lines
    }

    deinit { cp_layout_free(layout) }

    /// The height of the whole block.
    public var height: Double { lines.last?.bottom ?? 0 }

    /// The height of lines `range`, from the top of the first to the bottom of the last.
    public func height(of range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last else { return 0 }
        return lines[last].bottom - lines[first].top
    }

    /// How many lines from `start` fit in `space` points.
    public func linesFitting(from start: Int, in space: Double) -> Int {
        var count = 0
        while start + count < lines.count, lines[start + count].bottom - lines[start].top <= space + 0.01 { count += 1 }
        return count
    }
}

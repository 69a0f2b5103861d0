internal import PDFRendering

/// The page sizes, margins and fonts of the printed kit. Layout lives here, in code; the
/// words live in the templates.
enum PageGeometry {
    static let a4 = (width: PDFCanvas.points(210), height: PDFCanvas.points(297))
    /// ГОСТ Р 7.0.97: at least 20 mm left, top and bottom, 10 mm right.
    static let margins = (left: PDFCanvas.points(25), right: PDFCanvas.points(15), top: PDFCanvas.points(20), bottom: PDFCanvas.points(20))
    static var contentWidth: Double { a4.width - margins.left - margins.right }

    static let body = FontStyle(family: "Liberation Serif", size: 12)
    static let small = FontStyle(family: "Liberation Serif", size: 10)
    static let title = FontStyle(family: "Liberation Serif", size: 14, bold: true)
    static let mono = FontStyle(family: "Liberation Mono", size: 10.5)
    static let lineSpacing = 1.15
    /// The first-line indent of a paragraph (1.25 cm).
    static let paragraphIndent = PDFCanvas.points(12.5)
    static let hangingIndent = PDFCanvas.points(7)
    static let rightColumnWidth = PDFCanvas.points(88)
    static let gap = PDFCanvas.points(2)

    /// The captions of a post-office form (under a signature line, in the stamp box).
    static let formCaption = FontStyle(family: "Liberation Serif", size: 8)
    /// The box on Form 107 for the post office's date stamp.
    static let stampBox = (width: PDFCanvas.points(50), height: PDFCanvas.points(32))
    /// The smallest size a table's header row is set in so that no word of it breaks.
    static let smallestHeaderSize = 7.0

    /// The envelope sizes, landscape.
    static func envelope(_ kind: LetterMaker.Envelope) -> (width: Double, height: Double)? {
        switch kind {
        case .dl: (PDFCanvas.points(220), PDFCanvas.points(110))
        case .c5: (PDFCanvas.points(229), PDFCanvas.points(162))
        case .label: (PDFCanvas.points(105), PDFCanvas.points(74))
        case .none: nil
        }
    }
}

/// The printed copy of one enclosed evidence file, planned before anything is drawn: what
/// its pages show and how many there are, so that the letter's list of attachments and
/// Form 107 can count its sheets before they are laid out.
struct EvidenceCopy: Sendable {
    /// What the pages show.
    enum Content: Sendable, Hashable {
        /// An image at `scale` points a pixel, one page for each band of rows in `slices`
        /// (a tall screenshot is split, its bands overlapping by `EvidencePrinter.overlap`).
        case image(scale: Double, slices: [Range<Double>])
        /// A PDF, one page for each of its pages.
        case pdf(pages: Int)
        /// A text note typeset in the letter's font, `pages` pages.
        case text(pages: Int)
        /// A file that cannot be printed: one sheet naming it, of `size` bytes, and its medium.
        case sheet(size: UInt64)
    }

    var enclosure: Enclosure
    /// The evidence file's path in the claim (`evidence/…`).
    var path: String
    var sha256: SHA256Digest
    var content: Content

    /// The pages printed.
    var pages: Int {
        switch content {
        case .image(_, let slices): slices.count
        case .pdf(let pages), .text(let pages): pages
        case .sheet: 1
        }
    }

    /// How the copy is made of a file, by its media type.
    enum Kind: Sendable {
        case image, pdf, text, sheet

        /// The kind of the file `path` carried by `enclosure`.
        init(path: String, enclosure: Enclosure) {
            let type = MediaType(fileName: path).name
            if enclosure.form == .audio || enclosure.form == .video {
                self = .sheet
            } else if type.hasPrefix("image/") {
                self = .image
            } else if type == "application/pdf" {
                self = .pdf
            } else if type.hasPrefix("text/") || ["message/rfc822", "application/json", "application/xml"].contains(type) {
                self = .text
            } else {
                self = .sheet
            }
        }
    }
}

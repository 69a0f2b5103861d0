internal import CPangoCairo
internal import CPoppler

/// A PDF read by poppler, whose pages a `PDFCanvas` draws as they are: vectors and text
/// stay vectors and text in the output.
public final class PDFSourceDocument {
    let document: OpaquePointer
    private let poppler: PopplerLibrary

    /// Reads `bytes` (poppler keeps its own copy).
    /// - Throws: `PDFError.undecodable` with poppler's message for bytes that are not a PDF
    ///   poppler can read, or one locked with a password; `PDFError.libraryMissing` when
    ///   poppler-glib is not installed.
    public init(bytes: [UInt8]) throws(PDFError) {
        let poppler = try PopplerLibrary.shared()
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler.documentNewFromBytes(data, nil, &error) else {
            let message = error.map { String(cString: cp_poppler_error_message($0)) } ?? "not a PDF"
            if let error { g_error_free(error) }
            throw .undecodable(message)
        }
        self.document = document
        self.poppler = poppler
    }

    deinit { cp_poppler_document_free(document) }

    /// The number of pages.
    public var pageCount: Int { Int(poppler.documentGetNPages(document)) }

    /// The size of page `index` (from 0) in points.
    public func size(ofPage index: Int) -> (width: Double, height: Double) {
        guard let page = poppler.documentGetPage(document, Int32(index)) else { return (0, 0) }
        defer { cp_poppler_page_free(page) }
        var width = 0.0, height = 0.0
        poppler.pageGetSize(page, &width, &height)
        return (width, height)
    }

    /// Draws page `index` into `context` as it would be printed.
    func render(page index: Int, into context: OpaquePointer) {
        guard let page = poppler.documentGetPage(document, Int32(index)) else { return }
        defer { cp_poppler_page_free(page) }
        poppler.pageRenderForPrinting(page, context)
    }
}

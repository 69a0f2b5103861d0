internal import CPoppler

/// The functions of poppler-glib that `PDFSourceDocument` calls, looked up once per process
/// in the library opened on first use (`SharedLibrary`).
struct PopplerLibrary: Sendable {
    let documentNewFromBytes: cp_poppler_document_new_from_bytes
    let documentGetNPages: cp_poppler_document_get_n_pages
    let documentGetPage: cp_poppler_document_get_page
    let pageGetSize: cp_poppler_page_get_size
    let pageRenderForPrinting: cp_poppler_page_render_for_printing

    /// The functions, or why poppler-glib cannot be loaded; the library is opened at most
    /// once, whatever the threads.
    static func shared() throws(PDFError) -> PopplerLibrary { try loaded.get() }

    private static let loaded = Result { () throws(PDFError) in try PopplerLibrary() }

    private init() throws(PDFError) {
        let library = try SharedLibrary(soname: "libpoppler-glib.so.8", name: "poppler-glib", package: "libpoppler-glib8")
        documentNewFromBytes = try library.function("poppler_document_new_from_bytes", as: cp_poppler_document_new_from_bytes.self)
        documentGetNPages = try library.function("poppler_document_get_n_pages", as: cp_poppler_document_get_n_pages.self)
        documentGetPage = try library.function("poppler_document_get_page", as: cp_poppler_document_get_page.self)
        pageGetSize = try library.function("poppler_page_get_size", as: cp_poppler_page_get_size.self)
        pageRenderForPrinting = try library.function("poppler_page_render_for_printing", as: cp_poppler_page_render_for_printing.self)
    }
}

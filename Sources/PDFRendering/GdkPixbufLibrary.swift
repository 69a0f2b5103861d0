internal import CGdkPixbuf

/// The functions of gdk-pixbuf that `RasterImage` calls, looked up once per process in the
/// library opened on first use (`SharedLibrary`).
struct GdkPixbufLibrary: Sendable {
    let loaderNew: cp_gdk_pixbuf_loader_new
    let loaderWrite: cp_gdk_pixbuf_loader_write
    let loaderClose: cp_gdk_pixbuf_loader_close
    let loaderGetPixbuf: cp_gdk_pixbuf_loader_get_pixbuf
    let getOption: cp_gdk_pixbuf_get_option
    let applyEmbeddedOrientation: cp_gdk_pixbuf_apply_embedded_orientation
    let getWidth: cp_gdk_pixbuf_get_width
    let getHeight: cp_gdk_pixbuf_get_height
    let getNChannels: cp_gdk_pixbuf_get_n_channels
    let getBitsPerSample: cp_gdk_pixbuf_get_bits_per_sample
    let getRowstride: cp_gdk_pixbuf_get_rowstride
    let getHasAlpha: cp_gdk_pixbuf_get_has_alpha
    let readPixels: cp_gdk_pixbuf_read_pixels

    /// The functions, or why gdk-pixbuf cannot be loaded; the library is opened at most
    /// once, whatever the threads.
    static func shared() throws(PDFError) -> GdkPixbufLibrary { try loaded.get() }

    private static let loaded = Result { () throws(PDFError) in try GdkPixbufLibrary() }

    private init() throws(PDFError) {
        let library = try SharedLibrary(soname: "libgdk_pixbuf-2.0.so.0", name: "gdk-pixbuf", package: "libgdk-pixbuf-2.0-0")
        loaderNew = try library.function("gdk_pixbuf_loader_new", as: cp_gdk_pixbuf_loader_new.self)
        loaderWrite = try library.function("gdk_pixbuf_loader_write", as: cp_gdk_pixbuf_loader_write.self)
        loaderClose = try library.function("gdk_pixbuf_loader_close", as: cp_gdk_pixbuf_loader_close.self)
        loaderGetPixbuf = try library.function("gdk_pixbuf_loader_get_pixbuf", as: cp_gdk_pixbuf_loader_get_pixbuf.self)
        getOption = try library.function("gdk_pixbuf_get_option", as: cp_gdk_pixbuf_get_option.self)
        applyEmbeddedOrientation = try library.function("gdk_pixbuf_apply_embedded_orientation", as: cp_gdk_pixbuf_apply_embedded_orientation.self)
        getWidth = try library.function("gdk_pixbuf_get_width", as: cp_gdk_pixbuf_get_width.self)
        getHeight = try library.function("gdk_pixbuf_get_height", as: cp_gdk_pixbuf_get_height.self)
        getNChannels = try library.function("gdk_pixbuf_get_n_channels", as: cp_gdk_pixbuf_get_n_channels.self)
        getBitsPerSample = try library.function("gdk_pixbuf_get_bits_per_sample", as: cp_gdk_pixbuf_get_bits_per_sample.self)
        getRowstride = try library.function("gdk_pixbuf_get_rowstride", as: cp_gdk_pixbuf_get_rowstride.self)
        getHasAlpha = try library.function("gdk_pixbuf_get_has_alpha", as: cp_gdk_pixbuf_get_has_alpha.self)
        readPixels = try library.function("gdk_pixbuf_read_pixels", as: cp_gdk_pixbuf_read_pixels.self)
    }
}

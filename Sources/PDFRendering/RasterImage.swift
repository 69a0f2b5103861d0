internal import CPangoCairo
internal import CGdkPixbuf
internal import CLibHeif
internal import Glibc

/// A raster image (PNG, JPEG, GIF, TIFF, BMP, or WebP where gdk-pixbuf has the loader)
/// decoded by gdk-pixbuf — or a HEIC/HEIF photo decoded by libheif — into a Cairo surface,
/// ready to draw on a `PDFCanvas`.
///
/// A JPEG keeps its own bytes: they are attached to the surface as its JPEG data, so the
/// PDF embeds them unchanged (a DCT image, once however many pages show it), and its EXIF
/// orientation is applied as a transformation when it is drawn. Any other image has its
/// orientation applied to the pixels (`gdk_pixbuf_apply_embedded_orientation`).
public final class RasterImage {
    let surface: OpaquePointer
    /// The stored pixels' size, before orientation.
    private let stored: (width: Int, height: Int)
    /// The EXIF orientation (1–8) still to apply when drawing (a JPEG's); 1 otherwise.
    let orientation: Int

    /// The width in pixels, as the image is seen (orientation applied).
    public var width: Int { orientation >= 5 ? stored.height : stored.width }
    /// The height in pixels, as the image is seen (orientation applied).
    public var height: Int { orientation >= 5 ? stored.width : stored.height }

    /// Decodes `bytes`.
    /// - Throws: `PDFError.undecodable` with gdk-pixbuf's message when the bytes are no
    ///   image gdk-pixbuf can read; `PDFError.libraryMissing` when gdk-pixbuf (or, for a
    ///   HEIF file, libheif) is not installed.
    public init(bytes: [UInt8]) throws(PDFError) {
        if RasterImage.isHEIF(bytes) {
            let (surface, width, height) = try RasterImage.heifSurface(bytes)
            self.surface = surface
            orientation = 1
            stored = (width, height)
            return
        }
        let isJPEG = bytes.count > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
        let gdk = try GdkPixbufLibrary.shared()
        let decoded = try RasterImage.decode(bytes, gdk)
        defer { cp_pixbuf_free(decoded) }
        var orientation = 1
        // `gdk_pixbuf_apply_embedded_orientation` always returns a reference of its own (to
        // a new pixbuf, or to the same one when there is nothing to turn): it is released.
        var oriented: OpaquePointer?
        if isJPEG {
            if let option = gdk.getOption(decoded, "orientation"), let value = Int(String(cString: option)), (1...8).contains(value) {
                orientation = value
            }
        } else {
            oriented = gdk.applyEmbeddedOrientation(decoded)
        }
        defer { if let oriented { cp_pixbuf_free(oriented) } }
        let pixbuf = oriented ?? decoded
        let surface = try RasterImage.surface(of: pixbuf, gdk)
        self.surface = surface
        self.orientation = orientation
        stored = (Int(gdk.getWidth(pixbuf)), Int(gdk.getHeight(pixbuf)))
        if isJPEG, let copy = malloc(bytes.count) {
            // Cairo owns the copy and frees it with the surface, which the PDF surface keeps
            // until the document is finished (this object may be gone by then).
            bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                        UInt(bytes.count), { free($0) }, copy)
        }
    }

    deinit { cairo_surface_destroy(surface) }

    /// The matrix that takes the stored pixels to the image as seen (EXIF orientation).
    var orientationMatrix: cairo_matrix_t {
        let (w, h) = (Double(stored.width), Double(stored.height))
        var matrix = cairo_matrix_t()
        switch orientation {
        case 2: cairo_matrix_init(&matrix, -1, 0, 0, 1, w, 0)
        case 3: cairo_matrix_init(&matrix, -1, 0, 0, -1, w, h)
        case 4: cairo_matrix_init(&matrix, 1, 0, 0, -1, 0, h)
        case 5: cairo_matrix_init(&matrix, 0, 1, 1, 0, 0, 0)
        case 6: cairo_matrix_init(&matrix, 0, 1, -1, 0, h, 0)
        case 7: cairo_matrix_init(&matrix, 0, -1, -1, 0, h, w)
        case 8: cairo_matrix_init(&matrix, 0, -1, 1, 0, 0, w)
        default: cairo_matrix_init_identity(&matrix)
        }
        return matrix
    }

    /// Whether `bytes` are an ISO base media file of a HEIF brand (HEIC photos among them).
    private static func isHEIF(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) else { return false }
        let brand = String(decoding: bytes[8..<12], as: UTF8.self)
        return ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand)
    }

    /// The primary image of a HEIF file decoded by libheif (its rotation and mirroring
    /// applied), as a Cairo surface with its size.
    private static func heifSurface(_ bytes: [UInt8]) throws(PDFError) -> (OpaquePointer, Int, Int) {
        func check(_ error: heif_error) throws(PDFError) {
            if error.code != heif_error_Ok { throw .undecodable(error.message.map { String(cString: $0) } ?? "libheif failed") }
        }
        let heif = try HeifLibrary.shared()
        guard let context = heif.contextAlloc() else { throw .undecodable("libheif cannot start") }
        defer { heif.contextFree(context) }
        try check(bytes.withUnsafeBytes { heif.contextReadFromMemory(context, $0.baseAddress, $0.count, nil) })
        var handle: OpaquePointer?
        try check(heif.contextGetPrimaryImageHandle(context, &handle))
        defer { heif.imageHandleRelease(handle) }
        var image: OpaquePointer?
        try check(heif.decodeImage(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGB, nil))
        defer { heif.imageRelease(image) }
        let width = Int(heif.imageGetWidth(image, heif_channel_interleaved))
        let height = Int(heif.imageGetHeight(image, heif_channel_interleaved))
        var stride: Int32 = 0
        guard width > 0, height > 0, let pixels = heif.imageGetPlaneReadonly(image, heif_channel_interleaved, &stride) else {
            throw .undecodable("no image in the HEIF file")
        }
        let surface = try RasterImage.surface(width: width, height: height, channels: 3, rowstride: Int(stride), hasAlpha: false, pixels: pixels)
        return (surface, width, height)
    }

    /// The pixbuf of `bytes`, owned by the caller.
    private static func decode(_ bytes: [UInt8], _ gdk: GdkPixbufLibrary) throws(PDFError) -> OpaquePointer {
        guard let loader = gdk.loaderNew() else { throw .undecodable("gdk-pixbuf cannot start") }
        defer { cp_pixbuf_loader_free(loader) }
        var error: UnsafeMutablePointer<GError>?
        let written = bytes.withUnsafeBufferPointer { gdk.loaderWrite(loader, $0.baseAddress, gsize($0.count), &error) }
        // The loader must be closed even after a failed write.
        var closeError: UnsafeMutablePointer<GError>?
        let closed = gdk.loaderClose(loader, &closeError)
        if written == 0 || closed == 0 {
            let failure = error ?? closeError
            let message = failure.map { String(cString: $0.pointee.message) } ?? "not an image"
            if let error { g_error_free(error) }
            if let closeError { g_error_free(closeError) }
            throw .undecodable(message)
        }
        guard let pixbuf = gdk.loaderGetPixbuf(loader) else { throw .undecodable("no image in the data") }
        g_object_ref(UnsafeMutableRawPointer(pixbuf))
        return pixbuf
    }

    /// A Cairo image surface with the pixels of `pixbuf` (premultiplied ARGB, or RGB).
    private static func surface(of pixbuf: OpaquePointer, _ gdk: GdkPixbufLibrary) throws(PDFError) -> OpaquePointer {
        let channels = Int(gdk.getNChannels(pixbuf))
        guard gdk.getBitsPerSample(pixbuf) == 8, channels >= 3, let pixels = gdk.readPixels(pixbuf) else {
            throw .undecodable("unsupported pixel format")
        }
        return try surface(width: Int(gdk.getWidth(pixbuf)), height: Int(gdk.getHeight(pixbuf)), channels: channels,
                           rowstride: Int(gdk.getRowstride(pixbuf)), hasAlpha: gdk.getHasAlpha(pixbuf) != 0, pixels: pixels)
    }

    /// A Cairo image surface with `pixels`: rows of `rowstride` bytes, `channels` bytes a
    /// pixel (R, G, B and, with `hasAlpha`, straight alpha).
    private static func surface(width: Int, height: Int, channels: Int, rowstride: Int, hasAlpha: Bool,
                                pixels: UnsafePointer<UInt8>) throws(PDFError) -> OpaquePointer {
        guard let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw .cairo(status: "no image surface of \(width) × \(height)")
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<height {
            let source = pixels + row * rowstride
            let target = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width {
                let pixel = source + column * channels
                let (r, g, b) = (UInt32(pixel[0]), UInt32(pixel[1]), UInt32(pixel[2]))
                if hasAlpha {
                    let a = UInt32(pixel[3])
                    target[column] = a << 24 | (r * a + 127) / 255 << 16 | (g * a + 127) / 255 << 8 | (b * a + 127) / 255
                } else {
                    target[column] = 0xFF00_0000 | r << 16 | g << 8 | b
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}

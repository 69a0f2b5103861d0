internal import CLibHeif

/// The functions of libheif that `RasterImage` calls for HEIC/HEIF photos, looked up once
/// per process in the library opened on first use (`SharedLibrary`).
struct HeifLibrary: Sendable {
    let contextAlloc: cp_heif_context_alloc
    let contextFree: cp_heif_context_free
    let contextReadFromMemory: cp_heif_context_read_from_memory
    let contextGetPrimaryImageHandle: cp_heif_context_get_primary_image_handle
    let imageHandleRelease: cp_heif_image_handle_release
    let decodeImage: cp_heif_decode_image
    let imageRelease: cp_heif_image_release
    let imageGetWidth: cp_heif_image_get_width
    let imageGetHeight: cp_heif_image_get_height
    let imageGetPlaneReadonly: cp_heif_image_get_plane_readonly

    /// The functions, or why libheif cannot be loaded; the library is opened at most once,
    /// whatever the threads.
    static func shared() throws(PDFError) -> HeifLibrary { try loaded.get() }

    private static let loaded = Result { () throws(PDFError) in try HeifLibrary() }

    private init() throws(PDFError) {
        let library = try SharedLibrary(soname: "libheif.so.1", name: "libheif", package: "libheif1")
        contextAlloc = try library.function("heif_context_alloc", as: cp_heif_context_alloc.self)
        contextFree = try library.function("heif_context_free", as: cp_heif_context_free.self)
        contextReadFromMemory = try library.function("heif_context_read_from_memory", as: cp_heif_context_read_from_memory.self)
        contextGetPrimaryImageHandle = try library.function("heif_context_get_primary_image_handle", as: cp_heif_context_get_primary_image_handle.self)
        imageHandleRelease = try library.function("heif_image_handle_release", as: cp_heif_image_handle_release.self)
        decodeImage = try library.function("heif_decode_image", as: cp_heif_decode_image.self)
        imageRelease = try library.function("heif_image_release", as: cp_heif_image_release.self)
        imageGetWidth = try library.function("heif_image_get_width", as: cp_heif_image_get_width.self)
        imageGetHeight = try library.function("heif_image_get_height", as: cp_heif_image_get_height.self)
        imageGetPlaneReadonly = try library.function("heif_image_get_plane_readonly", as: cp_heif_image_get_plane_readonly.self)
    }
}

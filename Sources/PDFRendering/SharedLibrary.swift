internal import Glibc

/// A C library opened with `dlopen` when it is first needed rather than linked, so that a
/// command that never draws a PDF page or decodes an image does not load it, and the
/// libraries it depends on, at every start.
///
/// Opened with `RTLD_NOW | RTLD_LOCAL` by the name Debian's runtime package installs (its
/// SONAME), and never closed. The libraries it needs that claimpack links anyway (GLib,
/// GObject, Cairo) are the ones already loaded.
struct SharedLibrary {
    /// The library as a message names it (`poppler-glib`).
    let name: String
    /// The Debian package that installs it (`libpoppler-glib8`).
    let package: String
    private let handle: UnsafeMutableRawPointer

    /// The environment variable, for tests, that names SONAMEs (separated by commas) to
    /// treat as not installed.
    static let missingForTesting = "CLAIMPACK_TEST_MISSING_LIBRARIES"

    /// Opens `soname`.
    /// - Throws: `PDFError.libraryMissing` with the dynamic loader's reason.
    init(soname: String, name: String, package: String) throws(PDFError) {
        self.name = name
        self.package = package
        if let hidden = getenv(SharedLibrary.missingForTesting),
           String(cString: hidden).split(separator: ",").contains(Substring(soname)) {
            throw .libraryMissing(library: name, package: package, reason: "\(soname): hidden by \(SharedLibrary.missingForTesting)")
        }
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            throw .libraryMissing(library: name, package: package, reason: SharedLibrary.loaderError(or: "\(soname) cannot be opened"))
        }
        self.handle = handle
    }

    /// The function `symbol`, as the C function type `type` (a pointer type from the
    /// library's own header).
    /// - Throws: `PDFError.libraryMissing` when the library has no such function (another
    ///   version than Debian 12's).
    func function<Function>(_ symbol: String, as type: Function.Type) throws(PDFError) -> Function {
        guard let address = dlsym(handle, symbol) else {
            throw .libraryMissing(library: name, package: package, reason: SharedLibrary.loaderError(or: "no function \(symbol)"))
        }
        return unsafeBitCast(address, to: type)
    }

    /// The dynamic loader's last message, or `fallback`.
    private static func loaderError(or fallback: String) -> String {
        dlerror().map { String(cString: $0) } ?? fallback
    }
}

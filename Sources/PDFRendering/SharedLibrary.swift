internal import DynamicLoading

/// A library PDFRendering opens on first use (`DynamicLibrary`), with the names a message
/// gives when it cannot be loaded: which library, and the Debian package that installs it.
/// The libraries it needs that claimpack links anyway (GLib, GObject, Cairo) are the ones
/// already loaded.
struct SharedLibrary {
    /// The library as a message names it (`poppler-glib`).
    let name: String
    /// The Debian package that installs it (`libpoppler-glib8`).
    let package: String
    private let library: DynamicLibrary

    /// Opens `soname`.
    /// - Throws: `PDFError.libraryMissing` with the dynamic loader's reason.
    init(soname: String, name: String, package: String) throws(PDFError) {
        self.name = name
        self.package = package
        do {
            library = try DynamicLibrary(soname: soname)
        } catch {
            throw .libraryMissing(library: name, package: package, reason: error.reason)
        }
    }

    /// The function `symbol`, as the C function type `type` (a pointer type from the
    /// library's own header).
    /// - Throws: `PDFError.libraryMissing` when the library has no such function (another
    ///   version than Debian 12's).
    func function<Function>(_ symbol: String, as type: Function.Type) throws(PDFError) -> Function {
        do {
            return try library.function(symbol, as: type)
        } catch {
            throw .libraryMissing(library: name, package: package, reason: error.reason)
        }
    }
}

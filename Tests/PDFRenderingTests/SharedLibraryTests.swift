import Testing
@testable import PDFRendering

/// Libraries opened on first use: Debian's poppler-glib, gdk-pixbuf and libheif load with
/// every function PDFRendering calls; a library that is not installed, or lacks a function,
/// is an error naming it and Debian's package, with the dynamic loader's reason.
@Suite struct SharedLibraryTests {
    @Test func theInstalledLibrariesHaveEveryFunction() throws {
        _ = try PopplerLibrary.shared()
        _ = try GdkPixbufLibrary.shared()
        let heif = try HeifLibrary.shared()
        let context = try #require(heif.contextAlloc())
        heif.contextFree(context)
    }

    @Test func aMissingLibraryIsNamedWithItsPackage() {
        let expected = PDFError.libraryMissing(library: "poppler-glib", package: "libpoppler-glib8",
                                               reason: "libclaimpack-absent.so.0: cannot open shared object file: No such file or directory")
        #expect(throws: expected) {
            _ = try SharedLibrary(soname: "libclaimpack-absent.so.0", name: "poppler-glib", package: "libpoppler-glib8")
        }
        #expect(expected.description == "poppler-glib cannot be loaded (libclaimpack-absent.so.0: cannot open shared object file: No such file or directory); install Debian's package libpoppler-glib8 (apt install libpoppler-glib8)")
    }

    @Test func aMissingFunctionIsRefused() throws {
        let library = try SharedLibrary(soname: "libheif.so.1", name: "libheif", package: "libheif1")
        #expect {
            _ = try library.function("heif_no_such_function", as: UnsafeMutableRawPointer.self)
        } throws: { error in
            guard case PDFError.libraryMissing("libheif", "libheif1", let reason) = error else { return false }
            return reason.contains("undefined symbol: heif_no_such_function")
        }
    }
}

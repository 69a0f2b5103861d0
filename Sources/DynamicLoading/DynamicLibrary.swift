#if canImport(Glibc)
internal import Glibc
#endif

/// A C library opened with `dlopen` when it is first needed rather than linked, so that a
/// command that never needs it does not load it, and the libraries it depends on, at every
/// start (PDFRendering's poppler-glib, gdk-pixbuf and libheif; TimestampKit's libcurl).
///
/// Opened with `RTLD_NOW | RTLD_LOCAL` by the name Debian's runtime package installs (its
/// SONAME), and never closed: the addresses it gives stay valid for the whole process.
package struct DynamicLibrary {
    /// Why a library or one of its functions cannot be had: the dynamic loader's message.
    package struct Failure: Error, Sendable {
        package let reason: String
    }

    /// The environment variable, for tests, that names SONAMEs (separated by commas) to
    /// treat as not installed.
    package static let missingForTesting = "CLAIMPACK_TEST_MISSING_LIBRARIES"

    private let handle: UnsafeMutableRawPointer

    /// Opens `soname`.
    package init(soname: String) throws(Failure) {
        if let hidden = getenv(DynamicLibrary.missingForTesting),
           String(cString: hidden).split(separator: ",").contains(Substring(soname)) {
            throw Failure(reason: "\(soname): hidden by \(DynamicLibrary.missingForTesting)")
        }
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            throw Failure(reason: DynamicLibrary.loaderError(or: "\(soname) cannot be opened"))
        }
        self.handle = handle
    }

    /// The address of the function `symbol` (for a variadic function, which Swift cannot
    /// call: a C shim calls it).
    package func address(of symbol: String) throws(Failure) -> UnsafeMutableRawPointer {
        guard let address = dlsym(handle, symbol) else {
            throw Failure(reason: DynamicLibrary.loaderError(or: "no function \(symbol)"))
        }
        return address
    }

    /// The function `symbol` as the C function type `type` (a pointer type declared from
    /// the library's own header, so that it cannot drift from it).
    package func function<Function>(_ symbol: String, as type: Function.Type) throws(Failure) -> Function {
        unsafeBitCast(try address(of: symbol), to: type)
    }

    /// The dynamic loader's last message, or `fallback`.
    private static func loaderError(or fallback: String) -> String {
        dlerror().map { String(cString: $0) } ?? fallback
    }
}

/// What went wrong while making a PDF.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo could not create the surface or a page.
    case cairo(status: String)
    /// An image or a PDF to draw could not be read: gdk-pixbuf's or poppler's message.
    case undecodable(String)
    /// A library opened on first use (poppler-glib, gdk-pixbuf, libheif) cannot be loaded:
    /// its name, the Debian package that installs it, and the dynamic loader's reason.
    case libraryMissing(library: String, package: String, reason: String)

    public var description: String {
        switch self {
        case .cairo(let status): "Cairo failed: \(status)"
        case .undecodable(let message): message
        case .libraryMissing(let library, let package, let reason):
            "\(library) cannot be loaded (\(reason)); install Debian's package \(package) (apt install \(package))"
        }
    }
}

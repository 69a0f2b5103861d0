/// What went wrong while making a PDF.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo could not create the surface or a page.
    case cairo(status: String)
    /// An image or a PDF to draw could not be read: gdk-pixbuf's or poppler's message.
    case undecodable(String)

    public var description: String {
        switch self {
        case .cairo(let status): "Cairo failed: \(status)"
        case .undecodable(let message): message
        }
    }
}

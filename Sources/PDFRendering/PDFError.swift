/// What went wrong while making a PDF.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo could not create the surface or a page.
    case cairo(status: String)

    public var description: String {
        switch self {
        case .cairo(let status): "Cairo failed: \(status)"
        }
    }
}

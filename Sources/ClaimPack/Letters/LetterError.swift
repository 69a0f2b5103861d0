/// Why no letter was made.
public enum LetterError: Error, Sendable, CustomStringConvertible {
    /// A template is missing, does not parse, or renders to markup that is not valid.
    case template(String)
    /// Mistakes in a template, each `ru/letter.mustache:32:4: error: …` (`TemplateChecker`).
    case templateMistakes([String])
    /// Cairo or Pango failed.
    case rendering(String)
    /// Evidence marked to be enclosed that the letter cannot describe: no title, or no sheet
    /// count where none can be counted. One message per file, naming its id and path.
    case enclosures([String])
    /// An enclosed evidence file that cannot be read or printed (an image that does not
    /// decode, a PDF poppler cannot open, a text note that is not UTF-8): its path and why.
    case evidence(String)
    /// A library that prints an enclosure (poppler-glib, gdk-pixbuf, libheif: opened on
    /// first use) is not installed: which, and the Debian package to install.
    case libraryMissing(String)
    /// A statement of claim whose money cannot be computed (no disputed operation, several
    /// currencies): what is wrong and how to fix it.
    case calculation(String)

    /// Whether the claim itself must change (exit status 1), not claimpack's templates.
    public var isClaimProblem: Bool {
        switch self {
        case .enclosures, .evidence, .calculation: true
        case .template, .templateMistakes, .rendering, .libraryMissing: false
        }
    }

    public var description: String {
        switch self {
        case .template(let message): "template: \(message)"
        case .rendering(let message): "rendering: \(message)"
        case .enclosures(let messages), .templateMistakes(let messages): messages.joined(separator: "\n")
        case .evidence(let message), .libraryMissing(let message): message
        case .calculation(let message): "claim.yaml: operations: \(message)"
        }
    }
}

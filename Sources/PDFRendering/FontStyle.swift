/// A font for Pango: family, size in points, weight and slant.
public struct FontStyle: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
    }

    /// The same font in bold.
    public var boldened: FontStyle { FontStyle(family: family, size: size, bold: true, italic: italic) }

    /// The same font at another size.
    public func sized(_ size: Double) -> FontStyle { FontStyle(family: family, size: size, bold: bold, italic: italic) }

    /// Pango's description string, for example `Liberation Serif Bold 13`.
    var pangoDescription: String {
        "\(family)\(bold ? " Bold" : "")\(italic ? " Italic" : "") \(size)"
    }
}

/// How the lines of a text block sit between its margins.
public enum TextAlignment: Sendable, Hashable {
    case left, center, right, justify
}

/// The printed kit made by `LetterMaker`: the PDF (or the letter as text) and the warnings
/// found while making it, for the caller to show.
public struct LetterKit: Sendable {
    /// The PDF's bytes, or the letter's UTF-8 text.
    public var bytes: [UInt8]
    /// Warnings: a `sheets:` in `claim.yaml` that differs from the sheets counted.
    public var warnings: [String]
}

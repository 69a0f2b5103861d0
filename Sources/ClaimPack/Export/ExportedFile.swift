/// One file an export wrote, as its list and `--json` describe it.
public struct ExportedFile: Sendable, Hashable, Encodable {
    /// What the file is.
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// The letter (the complaint, the statement) the claim's kind prints.
        case letter
        /// The copy of one enclosed evidence file, or a part of it.
        case enclosure
        /// The bundle itself, byte for byte.
        case bundle
        /// The list of the files written (`Опись.txt`, `Перелік.txt`, `Index.txt`).
        case list
    }

    /// The file's name in the export folder.
    public var name: String
    public var kind: Kind
    /// The attachment's number in the letter, for an enclosure.
    public var attachment: Int?
    /// The part and how many there are, for an enclosure split to stay under the limit.
    public var part: Int?
    public var parts: Int?
    /// The pages of a PDF (its sheets; one page a sheet).
    public var sheets: Int?
    public var bytes: Int
    /// The file's SHA-256, in lower-case hex.
    public var sha256: String
    /// Whether the file is larger than the target takes (a single page or the bundle,
    /// which cannot be split).
    public var overLimit: Bool

    private enum CodingKeys: String, CodingKey {
        case name, kind, attachment, part, parts, sheets, bytes, sha256, overLimit
    }

    /// Every key, an absent value as `null` (docs/export.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(attachment, forKey: .attachment)
        try container.encode(part, forKey: .part)
        try container.encode(parts, forKey: .parts)
        try container.encode(sheets, forKey: .sheets)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(overLimit, forKey: .overLimit)
    }
}

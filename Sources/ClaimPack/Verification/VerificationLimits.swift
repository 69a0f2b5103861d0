/// The limits that keep verification of a hostile archive bounded in time and memory.
public struct VerificationLimits: Sendable, Hashable {
    /// Entries in the archive.
    public var maximumEntries = 100_000
    /// Uncompressed bytes of all entries together.
    public var maximumTotalBytes: UInt64 = 256 << 30
    /// Uncompressed bytes per compressed byte in one entry, checked while inflating once
    /// an entry has produced more than `ratioAllowance` bytes. Deflate cannot exceed about
    /// 1032:1, and `build` never deflates a file that compresses more than 100:1.
    public var maximumCompressionRatio: UInt64 = 250
    public var ratioAllowance: UInt64 = 1 << 20
    /// Bytes of a tag file (`manifest.xml`, `delivery.xml`, the BagIt text files).
    public var maximumTagFileBytes = 16 << 20
    /// Nesting depth of the XML documents.
    public var maximumXMLDepth = 32

    public init() {}
}

/// The limits that keep verification of a hostile archive bounded in time and memory.
/// They start from `BundleLimits`, the numbers `build` keeps to.
public struct VerificationLimits: Sendable, Hashable {
    /// Entries in the archive.
    public var maximumEntries = BundleLimits.maximumEntries
    /// Uncompressed bytes of all entries together.
    public var maximumTotalBytes = BundleLimits.maximumTotalBytes
    /// Uncompressed bytes per compressed byte in one entry, checked while inflating once
    /// an entry has produced more than `ratioAllowance` bytes. Deflate reaches about
    /// 1032:1 on a white page; `build` deflates no entry larger than `ratioAllowance`.
    public var maximumCompressionRatio = BundleLimits.maximumCompressionRatio
    public var ratioAllowance = BundleLimits.ratioAllowance
    /// Bytes of a tag file (`manifest.xml`, `delivery.xml`, the BagIt text files).
    public var maximumTagFileBytes = BundleLimits.maximumTagFileBytes
    /// Nesting depth of the XML documents.
    public var maximumXMLDepth = BundleLimits.maximumXMLDepth

    public init() {}
}

/// The limits a bundle keeps: `build` refuses a folder that would cross one before it
/// writes anything, and `verify` holds every archive to the same numbers
/// (`VerificationLimits` starts from them). `docs/bundle-format.md` explains each.
enum BundleLimits {
    /// Entries in the archive (evidence files and tag files together).
    static let maximumEntries = 100_000
    /// Uncompressed bytes of all entries together.
    static let maximumTotalBytes: UInt64 = 256 << 30
    /// Uncompressed bytes per compressed byte of a deflated entry beyond `ratioAllowance`.
    static let maximumCompressionRatio: UInt64 = 250
    /// The bytes a deflated entry may inflate to whatever its ratio: `build` deflates only
    /// entries of at most this size, so no entry it writes can cross the ratio limit.
    static let ratioAllowance: UInt64 = 64 << 20
    /// Bytes of a tag file (`manifest.xml`, `delivery.xml`, the BagIt text files).
    static let maximumTagFileBytes = 16 << 20
    /// Nesting depth of the XML documents.
    static let maximumXMLDepth = 32
    /// Bytes of one component of an entry's name (NAME_MAX of ext4, XFS, APFS, NTFS).
    static let maximumNameComponentBytes = 255
    /// Bytes of an entry's whole name: room is left under Linux's PATH_MAX (4096) for the
    /// folder it is extracted into.
    static let maximumNameBytes = 1024
}

/// The compression methods an archive's entries may use: the two every ZIP reader knows.
/// Any other method number in an archive is not one of these (`ZipLayout.Entry.compressionMethod`
/// is `nil`).
public enum ZipCompressionMethod: UInt16, Sendable, Hashable, CaseIterable {
    /// Method 0: the bytes as they are.
    case store = 0
    /// Method 8: deflate (RFC 1951).
    case deflate = 8
}

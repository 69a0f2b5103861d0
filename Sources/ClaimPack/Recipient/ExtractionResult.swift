public import Foundation

/// What `extract` wrote into its new folder.
public struct ExtractionResult: Sendable {
    /// One entry of the archive that was not written, and why.
    public struct Skipped: Sendable, Hashable {
        public let entry: String
        public let reason: String
    }

    /// One entry written under another name (`--windows-safe`, or a collision).
    public struct Renamed: Sendable, Hashable {
        /// The entry's name in the archive.
        public let entry: String
        /// The path written, relative to the target folder.
        public let written: String
    }

    /// The folder created.
    public let target: URL
    /// The verification made first.
    public let report: VerificationReport
    /// The files written, relative to the target folder, in archive order.
    public let written: [String]
    /// Bytes written.
    public let bytes: UInt64
    /// Entries not written (with `force`): unsafe, colliding or damaged ones. Directory
    /// entries are not listed: folders are made for the files in them.
    public let skipped: [Skipped]
    /// Entries written under another name.
    public let renamed: [Renamed]
    /// The mapping list written beside the bag (`--windows-safe`), relative to the target.
    public let namesFile: String?
}

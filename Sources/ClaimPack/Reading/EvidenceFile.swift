/// A regular file found under `evidence/`.
public struct EvidenceFile: Sendable, Hashable {
    /// The path relative to the claim folder exactly as on disk (possibly NFD-normalised).
    public var diskPath: String
    /// The same path NFC-normalised: the name it has in the bundle and in `claim.yaml`.
    public var path: String
    /// The size in bytes when the folder was read.
    public var size: UInt64
    /// The file's device and inode when the folder was read: `build` reads only this file
    /// (`EvidenceOpener`), so a file swapped for another after the listing is an error.
    /// `nil` for a file not found by listing a folder; it is then only opened safely.
    public var identity: FileIdentity?

    public init(diskPath: String, path: String, size: UInt64, identity: FileIdentity? = nil) {
        self.diskPath = diskPath
        self.path = path
        self.size = size
        self.identity = identity
    }
}

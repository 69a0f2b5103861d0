/// One evidence file as it went into the bundle: where, how large, its digest.
public struct PayloadFile: Sendable, Hashable {
    /// The path inside the bag: `data/evidence/…`, NFC.
    public let path: String
    public let size: UInt64
    public let sha256: SHA256Digest

    public init(path: String, size: UInt64, sha256: SHA256Digest) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}

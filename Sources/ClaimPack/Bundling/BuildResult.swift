public import Foundation

/// What `build` made.
public struct BuildResult: Sendable, Hashable {
    /// The bundle.
    public let bundle: URL
    /// SHA-256 of `manifest.xml`: the claim's seal.
    public let seal: SHA256Digest
    /// The evidence files, as bundled.
    public let payload: [PayloadFile]
    /// What the user should know about the bundle replaced (`--force`): a delivery record
    /// carried over or discarded, other hard links.
    public var notes: [String] = []
}

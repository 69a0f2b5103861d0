/// The earlier bundle an escalated claim cites and carries: `follows:` in `claim.yaml`,
/// `<follows>` in `manifest.xml`.
///
/// The complaint carries the claim, the statement of claim carries the complaint (or the
/// claim): each step holds the one before it byte for byte, cited by its seal, so the
/// person who receives the last one can check the whole story (docs/escalation.md).
public struct Follows: Sendable, Hashable {
    /// The earlier bundle's path in the claim folder, under `evidence/` (`evidence/mts-2026-11.zip`).
    public var bundle: String
    /// The earlier bundle's seal: the SHA-256 of its `manifest.xml`.
    public var seal: SHA256Digest
    /// The earlier bundle's id, once known (read from the bundle by `build`, from
    /// `manifest.xml` by `verify`); `nil` in a claim read from `claim.yaml`.
    public var id: String?

    public init(bundle: String, seal: SHA256Digest, id: String? = nil) {
        self.bundle = bundle
        self.seal = seal
        self.id = id
    }
}

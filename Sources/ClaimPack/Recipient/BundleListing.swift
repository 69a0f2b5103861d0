/// What an intact bundle holds, for the one who receives it: the evidence with its
/// description, the delivery proofs, and any other payload (time-stamp tokens).
public struct BundleListing: Sendable {
    /// One payload file.
    public struct Item: Sendable, Hashable {
        /// The path inside the bag: `data/evidence/…`, `data/delivery/…`.
        public let path: String
        public let size: UInt64
        public let sha256: SHA256Digest
        /// The evidence id (evidence only).
        public let id: String?
        /// The evidence title (evidence only).
        public let title: String?
        /// The evidence kind (evidence only).
        public let kind: EvidenceKind?
        /// The delivery event that attached it (proofs only).
        public let event: DeliveryEvent.Kind?
    }

    public let bundleID: String
    public let seal: SHA256Digest
    /// Evidence files, in the manifest's order (by path).
    public let evidence: [Item]
    /// Proofs under `data/delivery/`, in the order of the events that attached them.
    public let proofs: [Item]
    /// Every other payload file (`data/timestamps/…`), by path.
    public let otherPayload: [Item]

    /// The listing of a verified bundle: what its manifest and delivery record describe,
    /// sizes and digests as verification read them.
    public init(_ bundle: OpenedBundle) {
        let contents = bundle.report.contents
        bundleID = bundle.claim.id
        seal = bundle.seal
        var described = Set<String>()
        evidence = bundle.claim.evidence.compactMap { entry in
            let path = BundleLayout.payloadPath(for: entry.file)
            guard let file = contents[path] else { return nil }
            described.insert(path)
            return Item(path: path, size: file.size, sha256: file.sha256, id: entry.id, title: entry.title,
                        kind: entry.kind, event: nil)
        }
        var proofs: [Item] = []
        for event in bundle.record.events {
            for proof in event.proofs where !described.contains(proof.path) {
                guard let file = contents[proof.path] else { continue }
                described.insert(proof.path)
                proofs.append(Item(path: proof.path, size: file.size, sha256: file.sha256, id: nil, title: nil,
                                   kind: nil, event: event.kind))
            }
        }
        self.proofs = proofs
        otherPayload = contents.values
            .filter { BundleLayout.isPayload($0.path) && !described.contains($0.path) }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .map { Item(path: $0.path, size: $0.size, sha256: $0.sha256, id: nil, title: nil, kind: nil, event: nil) }
    }
}

public import Foundation

/// The earlier bundles an escalated bundle carries, nested, each read from inside the one
/// after it: what `status` shows as the chain.
public struct BundleChain: Sendable {
    /// One earlier bundle: its id, seal, where it is carried, and where it stood.
    public struct Link: Sendable, Hashable {
        public let id: String
        public let kind: ClaimKind
        public let seal: SHA256Digest
        /// Its entry inside the bundle after it (`<id>/data/evidence/x.zip`).
        public let entry: String
        /// Its state on `today`, as `status` counts it; `nil` when it could not be read.
        public let state: ClaimStatus.State?
    }

    /// From the bundle's own predecessor back to the first claim.
    public let links: [Link]

    /// Reads the chain of `bundle` (empty when it follows nothing), at most as deep as
    /// `verify` checks; a bundle that cannot be read ends the chain with a `nil` state.
    public init(of bundle: OpenedBundle, schemas: URL, law: LegalProvisions, today: CalendarDate) {
        links = BundleChain.links(after: bundle, depth: 0, schemas: schemas, law: law, today: today)
    }

    /// The links before `bundle`, each bundle copied to a private temporary folder that
    /// lives while the ones it carries are read.
    private static func links(after bundle: OpenedBundle, depth: Int, schemas: URL, law: LegalProvisions,
                              today: CalendarDate) -> [Link] {
        guard depth < VerificationRun.maximumFollowsDepth, let follows = bundle.claim.follows else { return [] }
        let entry = "\(bundle.claim.id)/\(BundleLayout.payloadPath(for: follows.bundle))"
        let unread = [Link(id: follows.id ?? "?", kind: .claim, seal: follows.seal, entry: entry, state: nil)]
        let read = try? ArchivedEntryCopy.withPrivateFolder { (folder: URL) throws(ArchivedEntryCopy.Failure) -> [Link] in
            let copy = folder.appendingPathComponent("carried.zip")
            try ArchivedEntryCopy.copy(entryNamed: entry, of: bundle.url, to: copy, maximumBytes: BundleLimits.maximumTotalBytes)
            guard let opened = try? OpenedBundle.open(copy, verifier: BundleVerifier(schemas: schemas, today: today)) else {
                return unread
            }
            let claim = opened.claim
            let provision = law.provision(jurisdiction: claim.jurisdiction, sector: claim.respondent.sector, kind: claim.kind,
                                          language: claim.language)
            let status = ClaimStatus(record: opened.record, period: provision.period, responseDays: claim.responseDays,
                                     calendar: law.calendar(for: claim.jurisdiction), today: today)
            let link = Link(id: claim.id, kind: claim.kind, seal: opened.seal, entry: entry, state: status.state)
            return [link] + links(after: opened, depth: depth + 1, schemas: schemas, law: law, today: today)
        }
        return read ?? unread
    }
}

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
        /// The last day its answer was due, when it was delivered (the day after it, a
        /// statement of claim counts the penalty from).
        public var answerDue: CalendarDate? = nil
    }

    /// From the bundle's own predecessor back to the first claim.
    public let links: [Link]

    /// The day the answer to the nearest claim (kind `claim`) of the chain was due: a
    /// statement of claim's penalty runs from the day after it.
    public var claimAnswerDue: CalendarDate? {
        links.first { $0.kind == .claim && $0.answerDue != nil }?.answerDue
    }

    /// Reads the chain of `bundle` (empty when it follows nothing), at most as deep as
    /// `verify` checks; a bundle that cannot be read ends the chain with a `nil` state.
    public init(of bundle: OpenedBundle, schemas: URL, law: LegalProvisions, today: CalendarDate) {
        links = BundleChain.links(after: bundle, depth: 0, schemas: schemas, law: law, today: today)
    }

    /// The chain of `bundle`, or `nil` when there is no bundle.
    public init?(of bundle: OpenedBundle?, schemas: URL, law: LegalProvisions, today: CalendarDate) {
        guard let bundle else { return nil }
        self.init(of: bundle, schemas: schemas, law: law, today: today)
    }

    /// The chain of a claim folder that follows a bundle (`follows.bundle` under its
    /// `evidence/`): that bundle and the ones it carries; empty when it follows nothing or the
    /// bundle cannot be read as one.
    public init(following claim: Claim, folder: ClaimFolderReport, schemas: URL, law: LegalProvisions, today: CalendarDate) {
        guard let follows = claim.follows else {
            links = []
            return
        }
        let diskPath = folder.evidenceFiles.first { $0.path == follows.bundle }?.diskPath ?? follows.bundle
        let file = folder.folder.appendingPathComponent(diskPath)
        guard let opened = try? OpenedBundle.open(file, verifier: BundleVerifier(schemas: schemas, today: today)) else {
            links = [Link(id: follows.id ?? "?", kind: .claim, seal: follows.seal, entry: follows.bundle, state: nil)]
            return
        }
        links = [BundleChain.link(opened, entry: follows.bundle, law: law, today: today)]
            + BundleChain.links(after: opened, depth: 1, schemas: schemas, law: law, today: today)
    }

    /// A link for a bundle that was read, its state and due date counted as `status` counts them.
    private static func link(_ opened: OpenedBundle, entry: String, law: LegalProvisions, today: CalendarDate) -> Link {
        let claim = opened.claim
        let provision = law.provision(jurisdiction: claim.jurisdiction, sector: claim.respondent.sector, kind: claim.kind,
                                      language: claim.language)
        let status = ClaimStatus(record: opened.record, period: provision.period, responseDays: claim.responseDays,
                                 calendar: law.calendar(for: claim.jurisdiction), today: today)
        return Link(id: claim.id, kind: claim.kind, seal: opened.seal, entry: entry, state: status.state, answerDue: status.deadline?.due)
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
            return [link(opened, entry: entry, law: law, today: today)] + links(after: opened, depth: depth + 1, schemas: schemas, law: law, today: today)
        }
        return read ?? unread
    }
}

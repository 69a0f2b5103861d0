/// The delivery-confirmation record of a bundle: its events, in order, bound to the seal.
public struct DeliveryRecord: Sendable, Hashable {
    public var bundleID: String
    public var seal: SHA256Digest
    public var events: [DeliveryEvent]

    public init(bundleID: String, seal: SHA256Digest, events: [DeliveryEvent]) {
        self.bundleID = bundleID
        self.seal = seal
        self.events = events
    }

    /// The record a new bundle starts with: one `prepared` event on the claim's date, listing
    /// the evidence that goes into the envelope (`enclose: true`).
    public static func initial(for claim: Claim, seal: SHA256Digest) -> DeliveryRecord {
        DeliveryRecord(bundleID: claim.id, seal: seal, events: [
            DeliveryEvent(kind: .prepared, at: EventTime(date: claim.date), method: claim.delivery.method,
                          addressee: claim.addressee,
                          enclosures: claim.evidence.filter(\.enclose).map { .init(evidenceID: $0.id, sheets: $0.sheets) }),
        ])
    }

    /// The event that made the letter delivered: `delivered`, or `returned` unclaimed.
    public var deliveryEvent: DeliveryEvent? { events.first { $0.kind == .delivered || $0.kind == .returned } }
}

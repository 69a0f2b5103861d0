public import Foundation

/// An event to add to a bundle's delivery record, as `claimpack deliver` gives it.
public struct DeliveryRequest: Sendable {
    public var kind: DeliveryEvent.Kind
    public var at: EventTime
    public var tracking: String?
    public var carrier: TrackingNumber.Carrier?
    /// Files to attach as proofs (a receipt, the signed Form 119 card, the company's answer).
    public var proofs: [URL]
    public var note: String?

    public init(kind: DeliveryEvent.Kind, at: EventTime, tracking: String? = nil, carrier: TrackingNumber.Carrier? = nil,
                proofs: [URL] = [], note: String? = nil) {
        self.kind = kind
        self.at = at
        self.tracking = tracking
        self.carrier = carrier
        self.proofs = proofs
        self.note = note
    }
}

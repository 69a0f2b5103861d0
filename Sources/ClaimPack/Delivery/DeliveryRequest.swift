public import Foundation

/// An event to add to a bundle's delivery record, as `claimpack deliver` gives it.
public struct DeliveryRequest: Sendable {
    public var kind: DeliveryEvent.Kind
    public var at: EventTime
    public var tracking: String?
    public var carrier: TrackingNumber.Carrier?
    /// Files to attach as proofs (a receipt, the signed Form 119 card, the company's answer).
    public var proofs: [URL]
    /// A note kept with the event, without the spaces and line breaks around it (a text
    /// in `delivery.xml` may not begin with one); `nil` when nothing else is left.
    public var note: String?

    public init(kind: DeliveryEvent.Kind, at: EventTime, tracking: String? = nil, carrier: TrackingNumber.Carrier? = nil,
                proofs: [URL] = [], note: String? = nil) {
        self.kind = kind
        self.at = at
        self.tracking = tracking
        self.carrier = carrier
        self.proofs = proofs
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.note = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// What is wrong with the free text of the request, by the rule `check` applies to
    /// `claim.yaml` (`String.firstCharacterRefusedInText`): `nil` when it can all be written
    /// into `delivery.xml`, else a message naming the option and the character.
    public var textProblem: String? {
        for (option, text) in [("--note", note), ("--tracking", tracking)] {
            guard let text, let bad = text.firstCharacterRefusedInText else { continue }
            return "\(option): the text holds the control character U+\(String(format: "%04X", bad.value)), which a delivery record cannot hold; remove it"
        }
        return nil
    }
}

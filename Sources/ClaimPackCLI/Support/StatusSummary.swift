internal import ClaimPack

/// The `status --json` object (docs/json.md).
struct StatusSummary: Encodable {
    struct Event: Encodable {
        let type: String
        let at: String
        @NullEncoded var carrier: String?
        @NullEncoded var tracking: String?
        let proofs: [String]
        @NullEncoded var note: String?
    }

    let bundle: String
    let id: String
    let subject: String
    let language: String
    let seal: String
    let claimant: String
    let respondent: String
    let addressee: String
    let events: [Event]
    let state: String
    let responseDays: Int
    @NullEncoded var deliveredOn: String?
    @NullEncoded var answerDue: String?
    @NullEncoded var daysLeft: Int?
    let holidaysKnown: Bool

    init(_ bundle: OpenedBundle, status: ClaimStatus, path: String) {
        let claim = bundle.claim
        self.bundle = path
        id = claim.id
        subject = claim.subject
        language = claim.language.rawValue
        seal = bundle.seal.hex
        claimant = claim.claimant.name
        respondent = claim.respondent.name
        addressee = claim.addressee.name
        events = bundle.record.events.map {
            Event(type: $0.kind.rawValue, at: $0.at.description, carrier: $0.carrier?.rawValue, tracking: $0.tracking,
                  proofs: $0.proofs.map(\.path), note: $0.note)
        }
        state = status.state.rawValue
        responseDays = claim.responseDays
        deliveredOn = status.deadline?.deliveredOn.description
        answerDue = status.deadline?.due.description
        daysLeft = status.daysLeft
        holidaysKnown = false
    }
}

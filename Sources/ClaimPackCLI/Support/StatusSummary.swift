internal import ClaimPack

/// The `status --json` object (docs/json.md).
struct StatusSummary: Encodable {
    struct Event: Encodable {
        let type: String
        let at: String
        let carrier: String?
        let tracking: String?
        let proofs: [String]
        let note: String?
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
    let deliveredOn: String?
    let answerDue: String?
    let daysLeft: Int?
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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bundle, forKey: .bundle)
        try container.encode(id, forKey: .id)
        try container.encode(subject, forKey: .subject)
        try container.encode(language, forKey: .language)
        try container.encode(seal, forKey: .seal)
        try container.encode(claimant, forKey: .claimant)
        try container.encode(respondent, forKey: .respondent)
        try container.encode(addressee, forKey: .addressee)
        try container.encode(events, forKey: .events)
        try container.encode(state, forKey: .state)
        try container.encode(responseDays, forKey: .responseDays)
        try container.encode(deliveredOn, forKey: .deliveredOn)
        try container.encode(answerDue, forKey: .answerDue)
        try container.encode(daysLeft, forKey: .daysLeft)
        try container.encode(holidaysKnown, forKey: .holidaysKnown)
    }

    enum CodingKeys: String, CodingKey {
        case bundle, id, subject, language, seal, claimant, respondent, addressee, events, state, responseDays, deliveredOn, answerDue, daysLeft, holidaysKnown
    }
}

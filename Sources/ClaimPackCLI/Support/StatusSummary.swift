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

    /// The answer period as the law table gives it for the claim.
    struct Period: Encodable {
        /// The length counted, in `unit`: the law's, or `response_days` calendar days when it differs.
        let count: Int
        /// `calendar`, `working` or `months`.
        let unit: String
        /// The law's length for the claim's jurisdiction, sector and kind, in `lawUnit`.
        let lawCount: Int
        let lawUnit: String
        /// `receipt` or `registration`.
        let start: String
        @NullEncoded var registrationWithin: Int?
        @NullEncoded var registrationUnit: String?
        let citation: String
        let confirmed: Bool
    }

    /// How the due date was counted.
    struct Due: Encodable {
        @NullEncoded var registeredBy: String?
        /// The last day of the period before any move.
        let lastDay: String
        let date: String
        let moved: Bool
        /// The rule that moves a last day off a non-working day, with its article.
        let rule: String
        /// Years the production calendar does not know (Saturdays and Sundays only there).
        let calendarYearsUnknown: [Int]
        /// Years whose calendar is not confirmed (a decree moving days off not found).
        let calendarYearsUnconfirmed: [Int]
    }

    /// An earlier bundle this one carries (`follows`), from the nearest back.
    struct Link: Encodable {
        let id: String
        let kind: String
        let seal: String
        let entry: String
        /// Its state, or null when it cannot be read.
        @NullEncoded var state: String?
    }

    let bundle: String
    let id: String
    let subject: String
    let language: String
    let jurisdiction: String
    @NullEncoded var sector: String?
    let seal: String
    let claimant: String
    let respondent: String
    let addressee: String
    let events: [Event]
    let state: String
    let responseDays: Int
    let period: Period
    @NullEncoded var deliveredOn: String?
    @NullEncoded var answerDue: String?
    @NullEncoded var due: Due?
    @NullEncoded var daysLeft: Int?
    /// Whether every year the count passed through is in the production calendar.
    let holidaysKnown: Bool
    /// The law table's remarks on the claim's row, in English.
    let notes: [String]
    /// The `claimpack escalate …` command to run next, when the answer is overdue or came.
    @NullEncoded var next: String?
    /// The earlier bundles, nearest first; empty for a first claim.
    let chain: [Link]

    init(_ bundle: OpenedBundle, status: ClaimStatus, provision: LegalProvision, rule: CountingRule, path: String,
         next: String? = nil, chain: BundleChain? = nil) {
        let claim = bundle.claim
        self.bundle = path
        id = claim.id
        subject = claim.subject
        language = claim.language.rawValue
        jurisdiction = claim.jurisdiction.rawValue
        sector = claim.respondent.sector?.rawValue
        seal = bundle.seal.hex
        claimant = claim.claimant.name
        respondent = claim.respondent.name
        addressee = claim.addressee.name
        events = bundle.record.events.map(Event.init)
        state = status.state.rawValue
        responseDays = claim.responseDays
        var registrationWithin: Int?
        var registrationUnit: String?
        if case .registration(let within, let unit) = provision.period.start {
            registrationWithin = within
            registrationUnit = unit.rawValue
        }
        let counted = Period.counted(responseDays: claim.responseDays, period: provision.period)
        period = Period(count: counted.count, unit: counted.unit.rawValue, lawCount: provision.period.days,
                        lawUnit: provision.period.unit.rawValue,
                        start: registrationWithin == nil ? "receipt" : "registration",
                        registrationWithin: registrationWithin, registrationUnit: registrationUnit,
                        citation: provision.citation, confirmed: provision.confirmed)
        deliveredOn = status.deadline?.deliveredOn.description
        answerDue = status.deadline?.due.description
        due = status.deadline.map {
            Due(registeredBy: $0.registeredBy?.description, lastDay: $0.nominalDue.description, date: $0.due.description,
                moved: $0.wasMoved, rule: rule.end, calendarYearsUnknown: $0.uncoveredYears,
                calendarYearsUnconfirmed: $0.unconfirmedYears)
        }
        daysLeft = status.daysLeft
        holidaysKnown = status.deadline.map { $0.uncoveredYears.isEmpty } ?? true
        notes = provision.notes
        self.next = next
        self.chain = (chain?.links ?? []).map {
            Link(id: $0.id, kind: $0.kind.rawValue, seal: $0.seal.hex, entry: $0.entry, state: $0.state?.rawValue)
        }
    }
}

extension StatusSummary.Period {
    /// The period counted for a claim with `responseDays`: the law's `period` when the days
    /// are its nominal days, else `responseDays` days (calendar days when the law counts months).
    static func counted(responseDays: Int, period: AnswerPeriod) -> (count: Int, unit: PeriodUnit) {
        responseDays == period.nominalDays
            ? (period.days, period.unit) : (responseDays, period.unit == .months ? .calendar : period.unit)
    }
}

extension StatusSummary.Event {
    init(_ event: DeliveryEvent) {
        self.init(type: event.kind.rawValue, at: event.at.description, carrier: event.carrier?.rawValue, tracking: event.tracking,
                  proofs: event.proofs.map(\.path), note: event.note)
    }
}

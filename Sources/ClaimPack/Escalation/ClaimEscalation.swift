/// Drafts the next step after a claim that was ignored or refused: a complaint to a
/// regulator or a statement of claim to a court, as a new claim folder that cites the
/// earlier bundle by its seal and carries it (DESIGN.md §6, docs/escalation.md).
///
/// Everything is copied from the earlier bundle's manifest and delivery record; what only
/// the person can decide is left as a `<…>` placeholder `check` reports.
public struct ClaimEscalation: Sendable {
    public let bundle: OpenedBundle
    public let to: ClaimKind
    /// The law table: the answer period of the earlier claim, counted as `status` counts it.
    public let law: LegalProvisions
    /// The authority of a complaint (`--authority` or the sector's default).
    public let authority: Authority?
    /// The day the step is drafted on (`--as-of`): the new claim's date.
    public let asOf: CalendarDate
    /// When the bundle escalated is itself a complaint: the day the answer to the first
    /// claim of its chain was due (`BundleChain.Link.answerDue`). The court penalty runs
    /// from the company's failure to answer the claim, not the regulator's, as the printed
    /// statement counts it.
    public var firstClaimAnswerDue: CalendarDate?

    public init(bundle: OpenedBundle, to: ClaimKind, law: LegalProvisions, authority: Authority?, asOf: CalendarDate) {
        self.bundle = bundle
        self.to = to
        self.law = law
        self.authority = authority
        self.asOf = asOf
    }

    /// Where the earlier claim stands on `asOf`, counted as `status` counts it.
    public var status: ClaimStatus {
        let claim = bundle.claim
        let provision = law.provision(jurisdiction: claim.jurisdiction, sector: claim.respondent.sector, kind: claim.kind,
                                      language: claim.language)
        return ClaimStatus(record: bundle.record, period: provision.period, responseDays: claim.responseDays,
                           calendar: law.calendar(for: claim.jurisdiction), today: asOf)
    }

    /// Why the step is early, or `nil` when the answer is overdue or was recorded;
    /// `bundleShown` is the bundle as the user would type it (quoted for the shell) in the
    /// `deliver` command it suggests.
    public func earlyReason(bundleShown: String) -> String? {
        let status = status
        switch status.state {
        case .answered, .overdue: return nil
        case .prepared:
            return "\(bundle.claim.id) was never sent: record the dispatch with: claimpack deliver \(bundleShown) sent --date … --tracking …"
        case .sent:
            return "\(bundle.claim.id) was sent but its delivery is not recorded, so its answer period has not started: record it with: claimpack deliver \(bundleShown) delivered --date … (or returned)"
        case .delivered:
            let due = status.deadline.map { "\($0.due)" } ?? "?"
            return "the answer to \(bundle.claim.id) is due by \(due), and on \(asOf) that period has not run out; wait, or record the answer with: claimpack deliver \(bundleShown) answered --date … --proof …"
        }
    }

    /// The draft of the new folder, the earlier bundle to be copied as `evidence/<file>`.
    ///
    /// - Throws: `EscalationError` when the court money cannot be computed (no disputed
    ///   operation, several currencies).
    public func draft(bundleFileName: String) throws(EscalationError) -> EscalationDraft {
        let claim = bundle.claim
        if to == .court && claim.operations.isEmpty { throw .noOperations(claim: claim.id) }
        let wording = EscalationWording(claim.language)
        let status = status
        let id = String("\(claim.id)-\(to.rawValue)".prefix(64))
        let bundlePath = "evidence/\(bundleFileName)"
        let bundleEvidenceID = claim.id
        var copies = [EscalationDraft.Copy(entry: nil, path: bundlePath)]
        var evidence: [(id: String, file: String, title: String, kind: EvidenceKind)] = [
            (bundleEvidenceID, bundlePath, wording.bundleTitle(id: claim.id, kind: claim.kind, seal: bundle.seal), .other),
        ]
        var proofIDs: [DeliveryEvent.Kind: [String]] = [:]
        var usedIDs: Set<String> = [bundleEvidenceID]
        for event in bundle.record.events where event.kind != .prepared {
            for proof in event.proofs {
                let name = String(proof.path.split(separator: "/").last ?? "proof")
                var proofID = "\(event.kind.rawValue)-proof"
                var counter = 2
                while usedIDs.contains(proofID) {
                    proofID = "\(event.kind.rawValue)-proof-\(counter)"
                    counter += 1
                }
                usedIDs.insert(proofID)
                let path = "evidence/" + (BundleLayout.claimPath(forPayload: proof.path) ?? "delivery/\(name)")
                copies.append(.init(entry: "\(claim.id)/\(proof.path)", path: path))
                evidence.append((proofID, path, wording.proofTitle(event.kind, day: event.at.date, file: name),
                                 event.kind == .answered ? .correspondence : .receipt))
                proofIDs[event.kind, default: []].append(proofID)
            }
        }

        var yaml = ClaimYAMLWriter()
        yaml.comment(header(claim))
        yaml.plain("format", "1")
        yaml.plain("language", claim.language.rawValue)
        yaml.plain("jurisdiction", claim.jurisdiction.rawValue)
        yaml.plain("id", id)
        yaml.plain("date", asOf.description)
        yaml.plain("kind", to.rawValue)
        let answered = bundle.record.events.contains { $0.kind == .answered }
        yaml.quoted("subject", wording.subject(to, respondent: claim.respondent.name, answered: answered))
        yaml.blank()
        yaml.comment("The earlier bundle, carried under evidence/ and cited by its seal: build checks both, verify checks the chain.")
        yaml.open("follows")
        yaml.quoted("bundle", bundlePath, indent: 2)
        yaml.plain("seal", bundle.seal.hex, indent: 2)
        yaml.blank()
        writeParties(&yaml, claim: claim, wording: wording)
        yaml.blank()
        writeTimeline(&yaml, claim: claim, wording: wording, status: status, bundleEvidenceID: bundleEvidenceID, proofIDs: proofIDs)
        yaml.blank()
        writeOperations(&yaml, claim: claim)
        yaml.blank()
        try writeDemands(&yaml, claim: claim, status: status)
        yaml.blank()
        yaml.comment("response_days: absent — the law table's period for a \(to.rawValue) applies (docs/law.md).")
        yaml.open("evidence")
        for entry in evidence {
            yaml.plain("id", entry.id, indent: 4, dash: true)
            yaml.quoted("file", entry.file, indent: 4)
            yaml.quoted("title", entry.title, indent: 4)
            yaml.plain("kind", entry.kind.rawValue, indent: 4)
        }
        yaml.blank()
        yaml.open("delivery")
        yaml.plain("method", claim.delivery.method.rawValue, indent: 2)
        if let value = claim.delivery.declaredValue { yaml.quoted("declared_value", value.text, indent: 2) }
        return EscalationDraft(id: id, kind: to, yaml: yaml.text, copies: copies, authority: to == .complaint ? authority : nil,
                               answerDue: status.deadline?.due)
    }

    private func header(_ claim: Claim) -> String {
        let step = to == .complaint ? "complaint to \(authority?.name ?? "the regulator")" : "statement of claim to the court"
        return """
        Written by 'claimpack escalate' on \(asOf) from \(claim.id) (seal \(bundle.seal.hex)):
        the \(step). Read it all and edit it before 'claimpack build'.
        Every value in <…> is yours to decide; 'claimpack check' reports each one (C013) until it is filled in.
        """
    }

    private func writeParties(_ yaml: inout ClaimYAMLWriter, claim: Claim, wording: EscalationWording) {
        yaml.open("claimant")
        yaml.quoted("name", claim.claimant.name, indent: 2)
        if let gender = claim.claimant.gender { yaml.plain("gender", gender.rawValue, indent: 2) }
        yaml.quoted("address", claim.claimant.address, indent: 2)
        yaml.quoted("phone", claim.claimant.phone, indent: 2)
        yaml.quoted("email", claim.claimant.email, indent: 2)
        let asked = to == .court ? wording.plaintiffPlaceholders : (birthDate: nil, birthPlace: nil, identifier: nil)
        if to == .court, asked.birthDate != nil || asked.identifier != nil {
            yaml.comment(wording.plaintiffComment, indent: 2)
        }
        yaml.quoted("birth_date", claim.claimant.birthDate?.description ?? asked.birthDate, indent: 2)
        yaml.quoted("birth_place", claim.claimant.birthPlace ?? asked.birthPlace, indent: 2)
        yaml.quoted("identifier", claim.claimant.identifier ?? asked.identifier, indent: 2)
        yaml.open("respondent")
        if let sector = claim.respondent.sector { yaml.plain("sector", sector.rawValue, indent: 2) }
        yaml.quoted("name", claim.respondent.name, indent: 2)
        yaml.quoted("address", claim.respondent.address, indent: 2)
        yaml.quoted("inn", claim.respondent.inn, indent: 2)
        yaml.quoted("ogrn", claim.respondent.ogrn, indent: 2)
        yaml.quoted("edrpou", claim.respondent.edrpou, indent: 2)
        switch to {
        case .complaint:
            yaml.comment(authority.map { "The authority from Templates/\(claim.language.rawValue)/authorities.yaml (key \($0.key)); check its address on its site." }
                ?? "No authority in Templates/\(claim.language.rawValue)/authorities.yaml for this sector: name the body the complaint goes to ('claimpack escalate --list-authorities').")
            if let notes = authority?.notes { yaml.comment("Note: \(notes)") }
            yaml.open("addressee")
            // No bare «Руководителю» before a name in the nominative: the body's name is enough
            // (59-ФЗ ст. 7); a position is the person's to write, in the dative, naming the body.
            if let note = wording.complaintPositionNote { yaml.comment(note, indent: 2) }
            yaml.quoted("person", wording.officialPlaceholder, indent: 2, note: "59-ФЗ ст. 7 / the official the complaint is addressed to")
            yaml.quoted("name", authority?.name ?? wording.authorityPlaceholder, indent: 2)
            yaml.quoted("address", authority?.address ?? wording.authorityAddressPlaceholder, indent: 2)
        default:
            yaml.comment("The court: only you choose it (where you live, ЗоЗПП ст. 17 п. 2; by the claim price: docs/escalation.md).")
            yaml.open("addressee")
            yaml.quoted("name", wording.courtPlaceholder, indent: 2)
            yaml.quoted("address", wording.courtAddressPlaceholder, indent: 2)
        }
        guard !claim.account.isEmpty else { return }
        yaml.open("account")
        for identifier in claim.account {
            text(&yaml, key: identifier.label, value: identifier.value, indent: 2)
        }
    }

    private func text(_ yaml: inout ClaimYAMLWriter, key: String, value: String, indent: Int) {
        yaml.plain(ClaimYAMLWriter.quoted(key), ClaimYAMLWriter.quoted(value), indent: indent)
    }

    private func writeTimeline(_ yaml: inout ClaimYAMLWriter, claim: Claim, wording: EscalationWording, status: ClaimStatus,
                               bundleEvidenceID: String, proofIDs: [DeliveryEvent.Kind: [String]]) {
        yaml.comment("The first claim's facts (their evidence is inside \(bundleEvidenceID)), then what its delivery record proves.")
        yaml.open("timeline")
        for event in claim.timeline {
            yaml.plain("at", event.at.description, indent: 4, dash: true)
            if let channel = event.channel { yaml.plain("channel", channel.rawValue, indent: 4) }
            yaml.quoted("reference", event.reference, indent: 4)
            yaml.quoted("event", event.event, indent: 4)
            yaml.list("operations", event.operations, indent: 4)
            yaml.list("evidence", event.evidence.isEmpty ? [] : [bundleEvidenceID], indent: 4)
        }
        let events = bundle.record.events
        guard let sent = events.first(where: { $0.kind == .sent }) else { return }
        var sentence = wording.sent(claim.kind, on: sent.at.date, method: sent.method ?? claim.delivery.method, tracking: sent.tracking)
        var ids = [bundleEvidenceID] + (proofIDs[.sent] ?? [])
        if let delivery = bundle.record.deliveryEvent {
            sentence += "; " + (delivery.kind == .returned ? wording.returned(on: delivery.at.date) : wording.delivered(claim.kind, on: delivery.at.date))
            ids += proofIDs[delivery.kind] ?? []
        }
        if let due = status.deadline?.due, !events.contains(where: { $0.kind == .answered }) {
            sentence += "; " + (status.state == .overdue ? wording.notAnswered(due: due) : wording.periodRuns(due: due))
        }
        yaml.plain("at", sent.at.description, indent: 4, dash: true)
        yaml.plain("channel", sent.method == .email ? "email" : "mail", indent: 4)
        // No reference: the tracking number is the post's, not one the company gave; the
        // sentence already names it where it says how the letter was sent.
        yaml.quoted("event", sentence + ".", indent: 4)
        yaml.list("evidence", ids, indent: 4)
        if let answer = events.first(where: { $0.kind == .answered }) {
            yaml.comment("Say what the answer says, if it did not simply refuse.", indent: 4)
            yaml.plain("at", answer.at.description, indent: 4, dash: true)
            yaml.quoted("event", wording.answered(on: answer.at.date, by: claim.respondent.name), indent: 4)
            yaml.list("evidence", proofIDs[.answered] ?? [bundleEvidenceID], indent: 4)
        }
    }

    private func writeOperations(_ yaml: inout ClaimYAMLWriter, claim: Claim) {
        guard !claim.operations.isEmpty else { return }
        yaml.open("operations")
        for operation in claim.operations {
            yaml.plain("id", operation.id, indent: 4, dash: true)
            if let at = operation.at { yaml.plain("at", at.description, indent: 4) }
            yaml.quoted("amount", operation.amount.text, indent: 4)
            yaml.plain("currency", operation.currency.code, indent: 4)
            yaml.quoted("description", operation.description, indent: 4)
            yaml.plain("disputed", operation.disputed ? "true" : "false", indent: 4)
        }
    }
}

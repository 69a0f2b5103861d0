internal import ClaimPack
internal import Foundation

/// The human form of `claimpack status`, all in English (labels, dates and the law's
/// texts, from the law table's English column): only the claim's own values (names,
/// subject, notes) stay in the claim's language.
enum StatusText {
    static func print(_ bundle: OpenedBundle, status: ClaimStatus, provision: LegalProvision, rule: CountingRule,
                      wording: LocaleWording, next: String? = nil, chain: BundleChain? = nil) {
        let claim = bundle.claim
        func date(_ time: EventTime) -> String {
            var text = wording.format(time.date)
            if let clock = time.description.split(separator: "T").last, time.instant != nil { text += ", \(clock.prefix(5))" }
            return text
        }
        func days(_ count: Int, _ unit: PeriodUnit) -> String {
            switch unit {
            case .calendar: Plural.english(count, "day")
            case .working: Plural.english(count, "working day")
            case .months: Plural.english(count, "month")
            }
        }
        Console.result("claim:     \(claim.id) — \(claim.subject)")
        Console.result("seal:      \(bundle.seal.grouped)")
        Console.result("from:      \(claim.claimant.name), \(claim.claimant.address)")
        Console.result("against:   \(claim.respondent.name)")
        Console.result("to:        \([claim.addressee.position, claim.addressee.name, claim.addressee.address].compactMap { $0 }.joined(separator: ", "))")
        Console.result("events:")
        for event in bundle.record.events {
            var line = "  \(event.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(date(event.at))"
            if let carrier = event.carrier { line += "  \(carrier.rawValue)" }
            if let tracking = event.tracking { line += " \(tracking)" }
            if !event.proofs.isEmpty { line += "  proofs: " + event.proofs.map { String($0.path.split(separator: "/").last ?? "") }.joined(separator: ", ") }
            if let note = event.note { line += "  — \(note)" }
            Console.result(line)
        }
        let period = provision.period
        let counted = StatusSummary.Period.counted(responseDays: claim.responseDays, period: period)
        var periodLine = "period:    \(days(counted.0, counted.1))"
        if case .registration(let within, let unit) = period.start {
            periodLine += " from registration (at the latest \(days(within, unit)) after receipt)"
        } else {
            periodLine += " from receipt"
        }
        periodLine += ", \(provision.citation)"
        Console.result(periodLine)
        for (index, event) in bundle.record.events.enumerated() where event.kind == .timestamped {
            guard let token = event.token else { continue }
            let what = token.subject == .record ? "the record up to event \(index) " : ""
            Console.result("stamped:   \(what)existed no later than \(event.at), by \(token.authority)")
        }
        var state = "state:     \(status.state.rawValue)"
        if let deadline = status.deadline {
            state += "; answer due \(wording.format(deadline.due))"
            if let days = status.daysLeft {
                state += days >= 0 ? "; \(Plural.english(days, "day")) left" : "; overdue by \(Plural.english(-days, "day"))"
            }
        }
        Console.result(state)
        if let next { Console.result("next:      \(next)") }
        for (index, link) in (chain?.links ?? []).enumerated() {
            Console.result("\(index == 0 ? "follows:  " : "          ") \(link.id) (\(link.kind.rawValue)), seal \(link.seal.grouped), \(link.state?.rawValue ?? "cannot be read")")
        }
        guard let deadline = status.deadline else { return }
        var count = "counted:   delivered \(wording.format(deadline.deliveredOn))"
        if let registered = deadline.registeredBy { count += ", registered by \(wording.format(registered))" }
        count += ", last day \(wording.format(deadline.nominalDue))"
        count += deadline.wasMoved ? ", not a working day: moved to \(wording.format(deadline.due))" : ""
        Console.result(count)
        Console.result("rule:      \(rule.end)")
        if claim.responseDays < period.nominalDays {
            Console.result("note:      response_days gives \(days(counted.0, counted.1)) where the law gives \(days(period.days, period.unit))")
        }
        for year in deadline.uncoveredYears {
            Console.result("note:      the production calendar (Templates/law/calendars/\(claim.jurisdiction.rawValue).yaml) does not know \(year): only Saturdays and Sundays were taken as days off that year, and a public holiday may move the due date later")
        }
        for year in deadline.unconfirmedYears {
            Console.result("note:      the \(year) calendar is not confirmed: see its sources in Templates/law/calendars/\(claim.jurisdiction.rawValue).yaml")
        }
        for note in provision.notes { Console.result("note:      \(note)") }
    }
}

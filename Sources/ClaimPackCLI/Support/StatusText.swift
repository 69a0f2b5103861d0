internal import ClaimPack
internal import Foundation

/// The human form of `claimpack status`: labels in English, dates in the claim's language.
enum StatusText {
    static func print(_ bundle: OpenedBundle, status: ClaimStatus, wording: LocaleWording) {
        let claim = bundle.claim
        func date(_ time: EventTime) -> String {
            var text = wording.format(time.date)
            if let clock = time.description.split(separator: "T").last, time.instant != nil { text += ", \(clock.prefix(5))" }
            return text
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
        for (index, event) in bundle.record.events.enumerated() where event.kind == .timestamped {
            guard let token = event.token else { continue }
            let what = token.subject == .record ? "the record up to event \(index) " : ""
            Console.result("stamped:   \(what)existed no later than \(event.at), by \(token.authority)")
        }
        var state = "state:     \(status.state.rawValue)"
        if let deadline = status.deadline {
            state += "; answer due \(wording.format(deadline.due)) (\(claim.responseDays) days after \(wording.format(deadline.deliveredOn))"
            state += deadline.wasMoved ? ", moved off a weekend)" : ")"
            if let days = status.daysLeft {
                state += days >= 0 ? "; \(days) day\(days == 1 ? "" : "s") left" : "; overdue by \(-days) day\(days == -1 ? "" : "s")"
            }
        }
        Console.result(state)
        if status.deadline != nil, status.state != .answered {
            Console.result("note:      public holidays are not known to claimpack; a deadline that falls on one moves to the next working day (ГК РФ ст. 193)")
        }
    }
}

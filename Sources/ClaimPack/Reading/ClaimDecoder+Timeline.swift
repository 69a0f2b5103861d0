internal import Yams

extension ClaimDecoder {
    /// The operations, each id checked and unique, and every valid id declared (also those
    /// of operations with other errors, so that references to them are not reported too).
    func decodeOperations(_ document: YAMLMapping) -> (operations: [Operation], ids: Set<String>) {
        guard let node = document.value("operations"), let items = session.sequence(node, "operations") else { return ([], []) }
        var seen: [String: Int] = [:]
        let operations: [Operation] = items.enumerated().compactMap { index, item in
            let path = "operations[\(index + 1)]"
            guard let mapping = YAMLMapping(item, path: path, ownerMark: item.position, session: session) else { return nil }
            mapping.rejectUnknownKeys(known: ["id", "at", "amount", "currency", "description", "disputed"])
            let id = decodeItemID(mapping, seen: &seen, index: index + 1, listName: "operations")
            let at = mapping.value("at").flatMap { session.eventTime($0, "\(path).at") }
            let amount = mapping.required("amount").flatMap { session.amount($0, "\(path).amount") }
            let currency = mapping.required("currency").flatMap { decodeCurrency($0, "\(path).currency") }
            let description = mapping.optionalText("description")
            // Absent: disputed; present: true or false, anything else an error.
            let disputed: Bool? = mapping.value("disputed").map { session.boolean($0, "\(path).disputed") } ?? true
            guard let id, let amount, let currency, let disputed else { return nil }
            return Operation(id: id, at: at, amount: amount, currency: currency, description: description,
                             disputed: disputed, location: session.location(item.position))
        }
        return (operations, Set(seen.keys))
    }

    /// The timeline: each event's references checked, and the events in date order.
    func decodeTimeline(_ document: YAMLMapping, operationIDs: Set<String>, evidenceIDs: Set<String>,
                        claimDate: CalendarDate?) -> [TimelineEvent] {
        guard let node = document.value("timeline"), let items = session.sequence(node, "timeline") else { return [] }
        var events: [TimelineEvent] = []
        var previous: (time: EventTime, index: Int)?
        for (index, item) in items.enumerated() {
            let path = "timeline[\(index + 1)]"
            guard let mapping = YAMLMapping(item, path: path, ownerMark: item.position, session: session) else { continue }
            mapping.rejectUnknownKeys(known: ["at", "channel", "reference", "event", "operations", "evidence"])
            let at = mapping.required("at").flatMap { session.eventTime($0, "\(path).at") }
            let text = mapping.requiredText("event")
            let channel = mapping.value("channel").flatMap { session.word($0, "\(path).channel", as: Channel.self) }
            let reference = mapping.optionalText("reference")
            let operations = references(mapping, "operations", known: operationIDs, code: .unknownOperation, noun: "operation")
            let evidence = references(mapping, "evidence", known: evidenceIDs, code: .unknownEvidence, noun: "evidence")
            if let at {
                if let before = previous, at.isEarlier(than: before.time) {
                    session.error(.timelineOrder, at: mapping.value("at")?.position,
                                  "\(path).at: \(at) is earlier than the event before it (timeline[\(before.index)], \(before.time)); keep the timeline in date order")
                }
                if let claimDate, claimDate < at.date {
                    session.report(.warning, .timelineOrder, at: mapping.value("at")?.position,
                                   "\(path).at: \(at) is after the letter's date \(claimDate); check the date")
                }
                previous = (at, index + 1)
            }
            guard let at, let text else { continue }
            events.append(TimelineEvent(at: at, event: text, channel: channel, reference: reference,
                                        operations: operations, evidence: evidence, location: session.location(item.position)))
        }
        return events
    }

    /// An item's `id`: valid, and not used by an earlier item of the same list.
    func decodeItemID(_ mapping: YAMLMapping, seen: inout [String: Int], index: Int, listName: String) -> String? {
        guard let node = mapping.required("id"), let id = session.text(node, mapping.qualified("id")) else { return nil }
        guard Identifier.isValid(id) else {
            session.error(.invalidIdentifier, at: node.position, "\(mapping.qualified("id")): \"\(id)\" is not a valid id; use up to 64 Latin letters, digits, \".\", \"_\" or \"-\", for example \(Identifier.slug(from: id, fallback: "item-\(index)"))")
            return nil
        }
        if let first = seen[id] {
            session.error(.duplicateIdentifier, at: node.position, "\(mapping.qualified("id")): \"\(id)\" is already the id of \(listName)[\(first)]; ids must be unique")
            return nil
        }
        seen[id] = index
        return id
    }

    private func decodeCurrency(_ node: Node, _ path: String) -> CurrencyCode? {
        guard let text = session.text(node, path) else { return nil }
        if let currency = CurrencyCode(text) { return currency }
        if let currency = CurrencyCode(text.uppercased()) {
            session.error(.unknownCurrency, at: node.position, "\(path): write currency codes in capitals: \(currency)")
        } else if text == "₽" || text.lowercased() == "руб" || text.lowercased() == "rur" {
            session.error(.unknownCurrency, at: node.position, "\(path): \"\(text)\" is not an ISO 4217 code; roubles are RUB")
        } else if text == "₴" || text.lowercased() == "грн" {
            session.error(.unknownCurrency, at: node.position, "\(path): \"\(text)\" is not an ISO 4217 code; hryvnias are UAH")
        } else {
            session.error(.unknownCurrency, at: node.position, "\(path): \"\(text)\" is not an ISO 4217 currency code; write three capital letters such as RUB, UAH, EUR, GBP or USD")
        }
        return nil
    }

    private func references(_ mapping: YAMLMapping, _ key: String, known: Set<String>, code: DiagnosticCode, noun: String) -> [String] {
        guard let node = mapping.value(key) else { return [] }
        return session.textList(node, mapping.qualified(key)).compactMap { reference in
            guard known.contains(reference.value) else {
                var message = "\(mapping.qualified(key)): no \(noun) has the id \"\(reference.value)\""
                if let guess = Suggestion.closest(to: reference.value, among: known) {
                    message += "; did you mean \"\(guess)\"?"
                } else if known.isEmpty {
                    message += "; the claim lists no \(noun) ids"
                } else {
                    message += "; known ids: \(known.sorted().joined(separator: ", "))"
                }
                session.error(code, at: reference.mark, message)
                return nil
            }
            return reference.value
        }
    }
}

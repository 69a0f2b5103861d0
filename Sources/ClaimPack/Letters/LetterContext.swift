internal import Foundation

/// The values a letter's templates may use, computed from the claim: every fact already
/// formatted in the claim's language (dates, money, plurals), so that templates hold only
/// wording and order. `docs/templates.md` lists every key.
struct LetterContext {
    let claim: Claim
    let seal: SHA256Digest
    let bundleName: String
    let wording: LocaleWording
    /// How the evidence goes into the envelope (`LetterMaker.Attachments`).
    var copies: LetterMaker.Attachments = .list
    /// The sheets of each printed copy, by evidence id, counted from the pages printed.
    var counted: [String: Int] = [:]
    /// The money of a statement of claim (kind `court`), computed before the letter is laid out.
    var calculation: CourtCalculation?

    /// The dictionary for swift-mustache, without empty strings (which mustache would
    /// take as true in a `{{#section}}`), user text made safe for the block markup.
    func values() -> [String: Any] {
        LetterContext.prune(rawValues()) as? [String: Any] ?? [:]
    }

    /// Drops empty strings; in strings, a line that starts with `::` (a block of the markup)
    /// gets a zero-width space first, and table cells lose their `|`.
    static func prune(_ value: Any) -> Any? {
        switch value {
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return nil }
            return trimmed.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("::") ? "\u{200B}" + $0 : String($0) }.joined(separator: "\n")
                .replacingOccurrences(of: "|", with: "/")
        case let dictionary as [String: Any]:
            return dictionary.compactMapValues(prune)
        case let array as [Any]:
            return array.compactMap(prune)
        default:
            return value
        }
    }

    func rawValues() -> [String: Any] {
        let numbers = attachmentNumbers()
        var values: [String: Any] = [
            "isClaim": claim.kind == .claim, "isComplaint": claim.kind == .complaint, "isCourt": claim.kind == .court,
            "id": claim.id, "subject": claim.subject,
            "date": wording.format(claim.date, in: claim.jurisdiction), "dateShort": wording.formatShort(claim.date, in: claim.jurisdiction),
            "place": LetterContext.place(in: claim.claimant.address) ?? "",
            "account": claim.account.map { ["label": $0.label, "value": $0.value] },
            "hasAccount": !claim.account.isEmpty,
            "responseDays": claim.responseDays, "responseDaysWord": wording.plural("day", claim.responseDays),
            "seal": ["hex": seal.hex, "grouped": seal.grouped,
                     "lines": seal.grouped.split(separator: " ").chunked(8).map { $0.joined(separator: " ") }.joined(separator: "\n")],
            "bundle": bundleName,
            "verifyCommand": "claimpack verify \(bundleName) --seal \"\(seal.grouped)\"",
        ]
        values["facts"] = claim.timeline.enumerated().map { index, event in fact(index + 1, event, numbers: numbers) }
        values["hasFacts"] = !claim.timeline.isEmpty
        values.merge(partyValues()) { $1 }
        values.merge(lawValues()) { $1 }
        // The table and the total are of the disputed operations only (the claim's price);
        // the others stay in the facts that cite them.
        let disputed = claim.operations.filter(\.disputed)
        values["operations"] = disputed.enumerated().map { index, operation -> [String: Any] in
            ["number": index + 1, "id": operation.id, "date": operation.at.map { wording.formatShort($0.date, in: claim.jurisdiction) } ?? "",
             "amount": wording.formatMoney(operation.amount, currency: operation.currency), "description": operation.description ?? "",
             "isLast": index == disputed.count - 1]
        }
        values["hasOperations"] = !disputed.isEmpty
        let totals = totals()
        values["totals"] = totals.enumerated().map { ["amount": $1, "isLast": $0 == totals.count - 1] }
        values["demands"] = claim.demands.enumerated().map { index, demand -> [String: Any] in
            ["number": index + 1, "text": demand.text, "basis": demand.basis ?? ""]
        }
        values.merge(enclosureValues()) { $1 }
        if claim.kind != .claim { values.merge(courtValues()) { $1 } }
        return values
    }

    private func fact(_ number: Int, _ event: TimelineEvent, numbers: [String: Int]) -> [String: Any] {
        var time = ""
        if event.at.instant != nil, let clock = event.at.description.split(separator: "T").last { time = String(clock.prefix(5)) }
        let attachmentNumbers = event.evidence.compactMap { numbers[$0] }.map(String.init)
        return [
            "number": number, "date": wording.formatShort(event.at.date, in: claim.jurisdiction),
            "dateLong": wording.format(event.at.date, in: claim.jurisdiction), "time": time,
            "text": event.event, "reference": event.reference ?? "",
            "channel": event.channel?.rawValue ?? "",
            "isPhone": event.channel == .phone, "isChat": event.channel == .chat, "isEmail": event.channel == .email,
            "isWebForm": event.channel == .webForm, "isOffice": event.channel == .office, "isMail": event.channel == .mail,
            "isSocial": event.channel == .social,
            "operations": event.operations.joined(separator: ", "), "hasOperations": !event.operations.isEmpty,
            "attachments": attachmentNumbers.joined(separator: ", "), "hasAttachments": !attachmentNumbers.isEmpty,
        ]
    }

    /// The sum of the disputed operations per currency, formatted, in order of first appearance.
    func totals() -> [String] {
        var order: [CurrencyCode] = []
        var sums: [CurrencyCode: Int] = [:]
        for operation in claim.operations where operation.disputed {
            if sums[operation.currency] == nil { order.append(operation.currency) }
            sums[operation.currency, default: 0] += operation.amount.minorUnits(scale: 2) ?? 0
        }
        return order.map { currency in
            let minor = sums[currency] ?? 0
            let text = "\(minor / 100).\(String(format: "%02d", minor % 100))"
            return wording.formatMoney(DecimalAmount(text) ?? DecimalAmount("0")!, currency: currency)
        }
    }

    /// The settlement of an address: the part that starts with «г.», «м.», «с.» or «пгт».
    static func place(in address: String) -> String? {
        address.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { part in ["г. ", "м. ", "с. ", "пгт ", "смт "].contains { part.hasPrefix($0) } }
    }

    /// The postcode of an address: six digits (Russia) or five (Ukraine) at its start, or a
    /// UK postcode at its end.
    static func postcode(in address: String) -> String? {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        let leading = trimmed.prefix { $0.isASCIIDigit }
        if leading.count == 6 || leading.count == 5 { return String(leading) }
        let pattern = #"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"#
        if let range = trimmed.range(of: pattern, options: .regularExpression) { return String(trimmed[range]) }
        return nil
    }

    /// Initials and surname, joined by no-break spaces: «И. И. Иванов» for «Иванов Иван
    /// Иванович» (surname first in Russian and Ukrainian), «S. J. Thompson» in English.
    static func signatureName(_ name: String, language: Language) -> String {
        let parts = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count >= 2 else { return name }
        let surname = language == .en ? parts.last! : parts[0]
        let given = language == .en ? parts.dropLast() : parts.dropFirst()
        let initials = given.compactMap { $0.first.map { "\($0)." } }
        return (initials + [surname]).joined(separator: "\u{00A0}")
    }
}

extension Array {
    /// The elements in consecutive slices of `size`.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

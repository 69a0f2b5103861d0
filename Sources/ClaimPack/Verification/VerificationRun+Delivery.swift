internal import Foundation
internal import XMLKit

extension VerificationRun {
    /// `delivery.xml`: schema, bound to the seal and the bundle, hash chain intact, events
    /// in a possible order, proofs present and unchanged.
    func checkDeliveryRecord() {
        let name = BundleLayout.deliveryRecord
        guard let record = parseAndValidate(name, missing: .missingDeliveryRecord),
              let bytes = tagBytes[name] else { return }
        if let seal, record.attributes["seal"] != seal.hex {
            add(Finding(.deliveryNotBound, entry: entryName(name), "bound to the seal \(record.attributes["seal"] ?? "?"), not to this bundle's \(seal.hex)"))
        }
        if let root, record.attributes["bundle"] != root {
            add(Finding(.deliveryNotBound, entry: entryName(name), "bound to the bundle \(record.attributes["bundle"] ?? "?"), not to \(root)"))
        }
        let digests: [SHA256Digest]
        switch preparation?.eventDigests() ?? TagFileChecks.eventDigests(bytes, entry: entryName(name)) {
        case .digests(let computed): digests = computed
        case .failed(let finding):
            add(finding)
            return
        }
        let events = record.children(named: "event")
        var previous = SHA256Digest.zero
        for (index, (event, computed)) in zip(events, digests).enumerated() {
            let label = "event \(index + 1) (\(event.attributes["type"] ?? "?"), \(event.attributes["at"] ?? "?"))"
            if event.attributes["hash"] != computed.hex {
                add(Finding(.eventHashMismatch, entry: entryName(name), "\(label) was changed after it was recorded: its hash is \(computed.hex), the record says \(event.attributes["hash"] ?? "?")"))
            }
            if event.attributes["previous"] != previous.hex {
                add(Finding(.eventChainBroken, entry: entryName(name), "\(label) does not follow the event before it: an event was removed, inserted or moved"))
            }
            previous = SHA256Digest(hex: event.attributes["hash"] ?? "") ?? computed
        }
        guard let decoded = DeliveryRecordDocument.record(from: record) else {
            add(Finding(.schemaViolation, entry: entryName(name), "an event does not fit the delivery record's model (its type, date, tracking or proofs)"))
            return
        }
        checkRules(decoded, record: name)
        checkProofs(decoded.events)
        checkTimestamps(decoded.events, digests: digests)
    }

    /// The rules `deliver` applies to each new event (`DeliveryRules`), applied to every
    /// event: a record edited and rechained by hand breaks them even when its chain holds.
    private func checkRules(_ record: DeliveryRecord, record name: String) {
        let claimDate = claimDate ?? record.events.first?.at.date ?? today
        for violation in DeliveryRules.violations(in: record, claimDate: claimDate, today: today) {
            let event = record.events[violation.event]
            let label = "event \(violation.event + 1) (\(event.kind.rawValue), \(event.at))"
            let finding: Finding = switch violation.rule {
            case .order: Finding(.eventOrder, entry: entryName(name), "\(label): \(violation.message)")
            case .date: Finding(.eventDate, entry: entryName(name), "\(label): \(violation.message)")
            case .future: Finding(.eventInFuture, entry: entryName(name), "\(label): \(violation.message); the record was made on a machine with a wrong clock, or forged", severity: .warning)
            case .tracking: Finding(.trackingNumber, entry: entryName(name), "\(label): \(violation.message)")
            case .trackingMissing: Finding(.trackingMissing, entry: entryName(name), "\(label): \(violation.message)", severity: .warning)
            }
            add(finding)
        }
    }

    /// Every proof and time-stamp token `delivery.xml` lists is in the archive with the size
    /// and SHA-256 it records, and every file under `data/delivery/` and `data/timestamps/`
    /// is one of them. (What a token's bytes say is checked by TimestampKit, not here.)
    private func checkProofs(_ events: [DeliveryEvent]) {
        var listed = Set<String>()
        for proof in events.flatMap(\.proofs) + events.compactMap(\.token?.file) {
            listed.insert(proof.path)
            guard let file = files[proof.path] else {
                if !presentEntries.contains(proof.path) {
                    add(Finding(.proofMismatch, entry: entryName(proof.path), "listed as a proof in \(BundleLayout.deliveryRecord) but not in the \(container)"))
                }
                continue
            }
            if proof.size != file.size || proof.sha256 != file.sha256 {
                add(Finding(.proofMismatch, entry: entryName(proof.path), "differs from the proof \(BundleLayout.deliveryRecord) records (size or SHA-256)"))
            }
        }
        for path in presentEntries(where: { $0.hasPrefix(BundleLayout.deliveryFolder) && !listed.contains($0) }) {
            add(Finding(.unexpectedPayload, entry: entryName(path), "under \(BundleLayout.deliveryFolder) but not a proof in \(BundleLayout.deliveryRecord)"))
        }
        for path in presentEntries(where: { $0.hasPrefix(BundleLayout.timestampFolder) && !listed.contains($0) }) {
            add(Finding(.unexpectedPayload, entry: entryName(path), "under \(BundleLayout.timestampFolder) but not the token of a timestamped event in \(BundleLayout.deliveryRecord)"))
        }
    }
}

internal import Foundation
internal import XMLKit

extension VerificationRun {
    /// `delivery.xml`: schema, bound to the seal and the bundle, hash chain intact, events
    /// in a possible order, proofs present and unchanged.
    func checkDeliveryRecord() {
        let name = TagFileChecks.deliveryRecord
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
        checkEventOrder(events.map { $0.attributes["type"] ?? "" }, record: name)
        checkProofs(events)
    }

    private func checkEventOrder(_ types: [String], record name: String) {
        guard let first = types.first, first == "prepared" else {
            add(Finding(.eventOrder, entry: entryName(name), "the first event must be \"prepared\""))
            return
        }
        var stage = 0  // 0 prepared, 1 sent, 2 delivered or returned, 3 answered
        for type in types.dropFirst() {
            let next: Int? = switch type {
            case "sent": stage == 0 ? 1 : nil
            case "delivered", "returned": stage == 1 ? 2 : nil
            case "answered": stage >= 2 ? 3 : nil
            case "timestamped": stage  // at any point after "prepared" (DeliveryRules)
            default: nil
            }
            guard let next else {
                add(Finding(.eventOrder, entry: entryName(name), "\"\(type)\" cannot follow the events before it"))
                return
            }
            stage = next
        }
    }

    private func checkProofs(_ events: [XMLElement]) {
        var listed = Set<String>()
        for proof in events.flatMap({ $0.children(named: "proof") }) {
            guard let path = proof.attributes["path"] else { continue }
            listed.insert(path)
            guard let file = files[path] else {
                if !presentEntries.contains(path) {
                    add(Finding(.proofMismatch, entry: entryName(path), "listed as a proof in delivery.xml but not in the archive"))
                }
                continue
            }
            if proof.attributes["size"].flatMap(UInt64.init) != file.size
                || proof.attributes["sha256"].flatMap(SHA256Digest.init(hex:)) != file.sha256 {
                add(Finding(.proofMismatch, entry: entryName(path), "differs from the proof delivery.xml records (size or SHA-256)"))
            }
        }
        for path in presentEntries(where: { $0.hasPrefix("data/delivery/") && !listed.contains($0) }) {
            add(Finding(.unexpectedPayload, entry: entryName(path), "under data/delivery/ but not a proof in delivery.xml"))
        }
    }
}

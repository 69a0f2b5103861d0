internal import XMLKit

/// Writes and reads `delivery.xml`, the hash-chained delivery-confirmation record, in the
/// namespace of `Schemas/delivery-record-1.xsd`.
///
/// An event's hash is the SHA-256 of the event element as a document of its own, without
/// its `hash` attribute and without whitespace-only text, in Exclusive XML
/// Canonicalization 1.0 (no comments); `previous` is the hash of the event before it
/// (64 zeros for the first).
enum DeliveryRecordDocument {
    static let namespace = "urn:claimpack:delivery:1"

    /// The record of a new bundle: one `prepared` event listing what goes in the envelope.
    static func initialBytes(for claim: Claim, seal: SHA256Digest) throws(XMLError) -> [UInt8] {
        try bytes(for: DeliveryRecord.initial(for: claim, seal: seal)).bytes
    }

    /// The document, and each event's hash.
    static func bytes(for record: DeliveryRecord) throws(XMLError) -> (bytes: [UInt8], hashes: [SHA256Digest]) {
        var hashes: [SHA256Digest] = []
        var previous = SHA256Digest.zero
        for event in record.events {
            // The event alone, without its hash, gives the hash…
            let single = try XMLWriter(indent: false)
            try write(event, previous: previous, hash: nil, to: single)
            let hash = try eventHash(of: try single.finish())
            hashes.append(hash)
            previous = hash
        }
        // …that the record then carries.
        let writer = try XMLWriter()
        try writer.element("deliveryRecord", namespace: namespace, attributes: [
            ("format", "1"), ("bundle", record.bundleID), ("seal", record.seal.hex),
        ]) { () throws(XMLError) in
            for (index, event) in record.events.enumerated() {
                try write(event, previous: index == 0 ? .zero : hashes[index - 1], hash: hashes[index], to: writer)
            }
        }
        return (try writer.finish(), hashes)
    }

    /// One `<event>`; alone (with its namespace) when `hash` is `nil`.
    private static func write(_ event: DeliveryEvent, previous: SHA256Digest, hash: SHA256Digest?, to writer: XMLWriter) throws(XMLError) {
        try writer.element("event", namespace: hash == nil ? namespace : nil, attributes: [
            ("type", event.kind.rawValue), ("at", event.at.description), ("previous", previous.hex), ("hash", hash?.hex),
        ]) { () throws(XMLError) in
            try writer.element("method", text: event.method?.rawValue)
            try writer.element("carrier", text: event.carrier?.rawValue)
            try writer.element("tracking", text: event.tracking)
            if let addressee = event.addressee {
                try writer.element("addressee") { () throws(XMLError) in
                    try writer.element("position", text: addressee.position)
                    try writer.element("name", text: addressee.name)
                    try writer.element("address", text: addressee.address)
                }
            }
            if let enclosures = event.enclosures {
                try writer.element("enclosures") { () throws(XMLError) in
                    try writer.element("letter")
                    for enclosure in enclosures {
                        try writer.element("evidence", attributes: [("ref", enclosure.evidenceID), ("sheets", enclosure.sheets.map(String.init))])
                    }
                }
            }
            for proof in event.proofs {
                try writer.element("proof", attributes: [("path", proof.path), ("size", String(proof.size)), ("sha256", proof.sha256.hex)])
            }
            if let token = event.token {
                try writer.element("token", attributes: [
                    ("path", token.file.path), ("size", String(token.file.size)), ("sha256", token.file.sha256.hex),
                    ("authority", token.authority), ("serial", token.serial), ("stamps", token.subject.rawValue),
                    ("imprint", token.imprint.hex),
                ])
            }
            try writer.element("note", text: event.note)
        }
    }

    /// The hash of an event given as a document of its own (without its `hash` attribute).
    static func eventHash(of eventDocument: [UInt8]) throws(XMLError) -> SHA256Digest {
        let document = try XMLDocument(parsing: eventDocument, name: "event", ignoringBlankText: true)
        return SHA256Digest(of: try document.exclusiveCanonicalForm())
    }

    /// Reads a record that has been verified; `nil` when an element does not fit the model.
    static func record(from root: XMLElement) -> DeliveryRecord? {
        guard let bundle = root.attributes["bundle"], let seal = root.attributes["seal"].flatMap(SHA256Digest.init(hex:)) else { return nil }
        var events: [DeliveryEvent] = []
        for element in root.children(named: "event") {
            guard let kind = element.attributes["type"].flatMap(DeliveryEvent.Kind.init(rawValue:)),
                  let at = element.attributes["at"].flatMap({ try? EventTime.parse($0).get() })
            else { return nil }
            let addressee = element.child("addressee").flatMap { node -> Addressee? in
                guard let name = node.child("name")?.text, let address = node.child("address")?.text else { return nil }
                return Addressee(position: node.child("position")?.text, name: name, address: address)
            }
            let enclosures = element.child("enclosures").map { node in
                node.children(named: "evidence").compactMap { item in
                    item.attributes["ref"].map { DeliveryEvent.Enclosure(evidenceID: $0, sheets: item.attributes["sheets"].flatMap(Int.init)) }
                }
            }
            let proofs = element.children(named: "proof").compactMap { proof -> PayloadFile? in
                guard let path = proof.attributes["path"], let size = proof.attributes["size"].flatMap(UInt64.init),
                      let digest = proof.attributes["sha256"].flatMap(SHA256Digest.init(hex:)) else { return nil }
                return PayloadFile(path: path, size: size, sha256: digest)
            }
            let token = element.child("token").flatMap { node -> DeliveryEvent.Token? in
                guard let path = node.attributes["path"], let size = node.attributes["size"].flatMap(UInt64.init),
                      let digest = node.attributes["sha256"].flatMap(SHA256Digest.init(hex:)),
                      let authority = node.attributes["authority"], let serial = node.attributes["serial"],
                      let subject = node.attributes["stamps"].flatMap(DeliveryEvent.Token.Subject.init(rawValue:)),
                      let imprint = node.attributes["imprint"].flatMap(SHA256Digest.init(hex:)) else { return nil }
                return DeliveryEvent.Token(file: PayloadFile(path: path, size: size, sha256: digest), authority: authority,
                                           serial: serial, subject: subject, imprint: imprint)
            }
            events.append(DeliveryEvent(
                kind: kind, at: at, method: element.child("method").flatMap { DeliveryMethod(rawValue: $0.text) },
                carrier: element.child("carrier").flatMap { TrackingNumber.Carrier(rawValue: $0.text) },
                tracking: element.child("tracking")?.text, addressee: addressee, enclosures: enclosures,
                proofs: proofs, token: token, note: element.child("note")?.text))
        }
        return DeliveryRecord(bundleID: bundle, seal: seal, events: events)
    }
}

internal import XMLKit

/// Writes `delivery.xml`, the hash-chained delivery-confirmation record, in the namespace
/// of `Schemas/delivery-record-1.xsd`. `build` writes its first event, `prepared`.
///
/// An event's hash is the SHA-256 of the event element as a document of its own, without
/// its `hash` attribute and without whitespace-only text, in Exclusive XML
/// Canonicalization 1.0 (no comments); `previous` is the hash of the event before it.
enum DeliveryRecordDocument {
    static let namespace = "urn:claimpack:delivery:1"
    static let fileName = "delivery.xml"

    /// The record of a new bundle: one `prepared` event listing what goes in the envelope.
    static func initialBytes(for claim: Claim, seal: SHA256Digest) throws(XMLError) -> [UInt8] {
        let write = { (writer: XMLWriter, hash: SHA256Digest?) throws(XMLError) in
            try writer.element("event", namespace: hash == nil ? namespace : nil, attributes: [
                ("type", "prepared"), ("at", claim.date.description), ("previous", SHA256Digest.zero.hex), ("hash", hash?.hex),
            ]) { () throws(XMLError) in
                try writer.element("method", text: claim.delivery.method.rawValue)
                try writer.element("addressee") { () throws(XMLError) in
                    try writer.element("position", text: claim.addressee.position)
                    try writer.element("name", text: claim.addressee.name)
                    try writer.element("address", text: claim.addressee.address)
                }
                try writer.element("enclosures") { () throws(XMLError) in
                    try writer.element("letter")
                    for entry in claim.evidence {
                        try writer.element("evidence", attributes: [("ref", entry.id), ("sheets", entry.sheets.map(String.init))])
                    }
                }
            }
        }
        // The event alone, without its hash, gives the hash…
        let single = try XMLWriter(indent: false)
        try write(single, nil)
        let hash = try eventHash(of: try single.finish())
        // …that the record then carries.
        let writer = try XMLWriter()
        try writer.element("deliveryRecord", namespace: namespace, attributes: [
            ("format", "1"), ("bundle", claim.id), ("seal", seal.hex),
        ]) { () throws(XMLError) in
            try write(writer, hash)
        }
        return try writer.finish()
    }

    /// The hash of an event given as a document of its own (without its `hash` attribute).
    static func eventHash(of eventDocument: [UInt8]) throws(XMLError) -> SHA256Digest {
        let document = try XMLDocument(parsing: eventDocument, name: "event", ignoringBlankText: true)
        return SHA256Digest(of: try document.exclusiveCanonicalForm())
    }
}

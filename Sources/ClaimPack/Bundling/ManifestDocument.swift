internal import XMLKit

/// Writes and reads `manifest.xml` (decoding in `ManifestDocument+Decoding.swift`): every fact of the claim and, for each evidence file, its path,
/// kind, media type, size and SHA-256, in the namespace of `Schemas/claim-manifest-1.xsd`.
/// The bytes depend on nothing but the claim and the files, so the seal is reproducible.
enum ManifestDocument {
    static let namespace = "urn:claimpack:manifest:1"

    /// The document's bytes.
    static func bytes(for claim: Claim, payload: [String: PayloadFile]) throws(XMLError) -> [UInt8] {
        try bytes(for: claim) { entry in payload[BundleLayout.payloadPath(for: entry.file)].map { ($0.size, $0.sha256) } }
    }

    /// The document's bytes, each evidence entry's size and digest given by `file` (`nil`
    /// for an entry not in the payload, which is left out); `expectedSize`, a bound from
    /// above, is the room made for them at once (`XMLWriter.init(indent:expectedSize:)`).
    static func bytes(for claim: Claim, expectedSize: Int = 0,
                      file: (EvidenceEntry) -> (size: UInt64, sha256: SHA256Digest)?) throws(XMLError) -> [UInt8] {
        let writer = try XMLWriter(expectedSize: expectedSize)
        try writer.element("claimManifest", namespace: namespace, attributes: [
            ("format", String(claim.format)), ("id", claim.id), ("language", claim.language.rawValue),
            ("jurisdiction", claim.jurisdiction.rawValue),
            ("kind", claim.kind.rawValue), ("date", claim.date.description), ("responseDays", String(claim.responseDays)),
        ]) { () throws(XMLError) in
            try writer.element("subject", text: claim.subject)
            try writer.element("claimant", attributes: [("gender", claim.claimant.gender?.rawValue)]) { () throws(XMLError) in
                try writer.element("name", text: claim.claimant.name)
                try writer.element("address", text: claim.claimant.address)
                try writer.element("phone", text: claim.claimant.phone)
                try writer.element("email", text: claim.claimant.email)
                try writer.element("birthDate", text: claim.claimant.birthDate?.description)
                try writer.element("birthPlace", text: claim.claimant.birthPlace)
                try writer.element("identifier", text: claim.claimant.identifier)
            }
            try writer.element("respondent", attributes: [("sector", claim.respondent.sector?.rawValue)]) { () throws(XMLError) in
                try writer.element("name", text: claim.respondent.name)
                try writer.element("address", text: claim.respondent.address)
                try writer.element("inn", text: claim.respondent.inn)
                try writer.element("ogrn", text: claim.respondent.ogrn)
                try writer.element("edrpou", text: claim.respondent.edrpou)
            }
            try writer.element("addressee") { () throws(XMLError) in
                try writer.element("position", text: claim.addressee.position)
                try writer.element("person", text: claim.addressee.person)
                try writer.element("name", text: claim.addressee.name)
                try writer.element("address", text: claim.addressee.address)
            }
            try writer.element("account") { () throws(XMLError) in
                for identifier in claim.account {
                    try writer.element("identifier", text: identifier.value, attributes: [("label", identifier.label)])
                }
            }
            try writer.element("timeline") { () throws(XMLError) in
                for event in claim.timeline {
                    try writer.element("event", attributes: [
                        ("at", event.at.description), ("channel", event.channel?.rawValue), ("reference", event.reference),
                    ]) { () throws(XMLError) in
                        try writer.element("text", text: event.event)
                        for id in event.operations { try writer.element("operationRef", attributes: [("id", id)]) }
                        for id in event.evidence { try writer.element("evidenceRef", attributes: [("id", id)]) }
                    }
                }
            }
            try writer.element("operations") { () throws(XMLError) in
                for operation in claim.operations {
                    try writer.element("operation", attributes: [
                        ("id", operation.id), ("at", operation.at?.description),
                        ("amount", operation.amount.text), ("currency", operation.currency.code),
                        // Written only when false, so that the manifests of earlier claims keep their bytes.
                        ("disputed", operation.disputed ? nil : "false"),
                    ]) { () throws(XMLError) in
                        try writer.element("description", text: operation.description)
                    }
                }
            }
            try writer.element("demands") { () throws(XMLError) in
                for demand in claim.demands {
                    try writer.element("demand") { () throws(XMLError) in
                        try writer.element("text", text: demand.text)
                        try writer.element("basis", text: demand.basis)
                    }
                }
            }
            try writer.element("evidence") { () throws(XMLError) in
                for entry in claim.evidence {
                    guard let file = file(entry) else { continue }
                    let bagPath = BundleLayout.payloadPath(for: entry.file)
                    try writer.element("file", attributes: [
                        ("id", entry.id), ("path", bagPath), ("kind", entry.kind.rawValue),
                        ("mediaType", MediaType(fileName: entry.file).name), ("size", String(file.size)),
                        ("sha256", file.sha256.hex), ("captured", entry.captured?.description),
                        ("sheets", entry.sheets.map(String.init)), ("described", entry.isDerived ? "false" : "true"),
                        ("enclose", entry.enclose ? "true" : "false"),
                    ]) { () throws(XMLError) in
                        try writer.element("title", text: entry.title)
                        try writer.element("source", text: entry.source)
                    }
                }
            }
            try writer.element("delivery", attributes: [
                ("method", claim.delivery.method.rawValue), ("declaredValue", claim.delivery.declaredValue?.text),
            ])
            // Written only for an escalated claim, so that the manifests of earlier claims keep their bytes.
            if let follows = claim.follows {
                try writer.element("follows", attributes: [
                    ("id", follows.id), ("seal", follows.seal.hex), ("path", BundleLayout.payloadPath(for: follows.bundle)),
                ])
            }
        }
        return try writer.finish()
    }
}

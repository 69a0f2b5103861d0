internal import XMLKit

extension ManifestDocument {
    /// A file `manifest.xml` lists under `evidence`, with the facts it states about it
    /// (`nil` where an attribute is missing or not a number or digest).
    struct ListedFile: Sendable {
        let path: String
        let size: UInt64?
        let sha256: SHA256Digest?
    }

    /// The files a valid `manifest.xml` (its root) lists, in its order: what `verify`
    /// holds the evidence to.
    static func listedFiles(in root: XMLElement) -> [ListedFile] {
        let children = root.child("evidence")?.children ?? []
        var listed: [ListedFile] = []
        listed.reserveCapacity(children.count)
        for file in children {
            if let one = listedFile(file) { listed.append(one) }
        }
        return listed
    }

    /// The file one `<file>` element of `<evidence>` lists; `nil` for another element. Its
    /// path is the string `known` holds, when it holds it (`TagFileChecks.shared(_:in:)`).
    static func listedFile(_ file: XMLElement, known: Set<String> = []) -> ListedFile? {
        guard file.name == "file", let path = file.attributes["path"] else { return nil }
        return ListedFile(path: TagFileChecks.shared(path, in: known), size: file.attributes["size"].flatMap(UInt64.init),
                          sha256: file.attributes["sha256"].flatMap(SHA256Digest.init(hex:)))
    }

    /// The `<follows>` element of a valid `manifest.xml` (its root): the earlier bundle the
    /// claim carries, with its path in the claim folder; `nil` when there is none.
    static func follows(in root: XMLElement) -> Follows? {
        guard let node = root.child("follows"), let path = node.attributes["path"],
              let bundle = BundleLayout.claimPath(forPayload: path),
              let seal = node.attributes["seal"].flatMap(SHA256Digest.init(hex:)) else { return nil }
        return Follows(bundle: bundle, seal: seal, id: node.attributes["id"])
    }

    /// Reads the claim back from a verified `manifest.xml` (its root), so that the bundle
    /// alone is enough to print the letter or show the status; `nil` when an element does
    /// not fit the model.
    static func claim(from root: XMLElement) -> Claim? {
        let attributes = root.attributes
        guard let language = attributes["language"].flatMap(Language.init(rawValue:)),
              let kind = attributes["kind"].flatMap(ClaimKind.init(rawValue:)),
              let id = attributes["id"], let date = attributes["date"].flatMap(CalendarDate.init(iso:)),
              let responseDays = attributes["responseDays"].flatMap(Int.init),
              let subject = root.child("subject")?.text,
              let claimantNode = root.child("claimant"), let claimantName = claimantNode.child("name")?.text,
              let claimantAddress = claimantNode.child("address")?.text,
              let respondentNode = root.child("respondent"), let respondentName = respondentNode.child("name")?.text,
              let respondentAddress = respondentNode.child("address")?.text,
              let addresseeNode = root.child("addressee"), let addresseeName = addresseeNode.child("name")?.text,
              let addresseeAddress = addresseeNode.child("address")?.text,
              let deliveryNode = root.child("delivery"),
              let method = deliveryNode.attributes["method"].flatMap(DeliveryMethod.init(rawValue:))
        else { return nil }
        func time(_ text: String?) -> EventTime? { text.flatMap { try? EventTime.parse($0).get() } }

        let timeline = (root.child("timeline")?.children(named: "event") ?? []).compactMap { node -> TimelineEvent? in
            guard let at = time(node.attributes["at"]), let text = node.child("text")?.text else { return nil }
            return TimelineEvent(at: at, event: text, channel: node.attributes["channel"].flatMap(Channel.init(rawValue:)),
                                 reference: node.attributes["reference"],
                                 operations: node.children(named: "operationRef").compactMap { $0.attributes["id"] },
                                 evidence: node.children(named: "evidenceRef").compactMap { $0.attributes["id"] })
        }
        let operations = (root.child("operations")?.children(named: "operation") ?? []).compactMap { node -> Operation? in
            guard let id = node.attributes["id"], let amount = node.attributes["amount"].flatMap(DecimalAmount.init),
                  let currency = node.attributes["currency"].flatMap(CurrencyCode.init) else { return nil }
            return Operation(id: id, at: time(node.attributes["at"]), amount: amount, currency: currency,
                             description: node.child("description")?.text,
                             disputed: !["false", "0"].contains(node.attributes["disputed"] ?? "true"))
        }
        let demands = (root.child("demands")?.children(named: "demand") ?? []).compactMap { node -> Demand? in
            node.child("text").map { Demand(text: $0.text, basis: node.child("basis")?.text) }
        }
        let evidence = (root.child("evidence")?.children(named: "file") ?? []).compactMap { node -> EvidenceEntry? in
            guard let id = node.attributes["id"], let file = node.attributes["path"].flatMap(BundleLayout.claimPath(forPayload:)),
                  let title = node.child("title")?.text,
                  let kind = node.attributes["kind"].flatMap(EvidenceKind.init(rawValue:)) else { return nil }
            return EvidenceEntry(id: id, file: file, title: title, kind: kind,
                                 captured: time(node.attributes["captured"]), source: node.child("source")?.text,
                                 sheets: node.attributes["sheets"].flatMap(Int.init), isDerived: node.attributes["described"] == "false",
                                 enclose: node.attributes["enclose"].map { $0 == "true" })
        }
        return Claim(
            format: attributes["format"].flatMap(Int.init) ?? 1, language: language,
            jurisdiction: attributes["jurisdiction"].flatMap(Jurisdiction.init(rawValue:)), id: id, date: date, kind: kind, subject: subject,
            claimant: Party(name: claimantName, address: claimantAddress, phone: claimantNode.child("phone")?.text,
                            email: claimantNode.child("email")?.text,
                            gender: claimantNode.attributes["gender"].flatMap(Gender.init(rawValue:)),
                            birthDate: (claimantNode.child("birthDate")?.text).flatMap { CalendarDate(iso: $0) },
                            birthPlace: claimantNode.child("birthPlace")?.text, identifier: claimantNode.child("identifier")?.text),
            respondent: Respondent(name: respondentName, address: respondentAddress, inn: respondentNode.child("inn")?.text,
                                   ogrn: respondentNode.child("ogrn")?.text, edrpou: respondentNode.child("edrpou")?.text,
                                   sector: respondentNode.attributes["sector"].flatMap(Sector.init(rawValue:))),
            addressee: Addressee(position: addresseeNode.child("position")?.text, person: addresseeNode.child("person")?.text, name: addresseeName, address: addresseeAddress),
            account: (root.child("account")?.children(named: "identifier") ?? []).compactMap { node in
                node.attributes["label"].map { AccountIdentifier(label: $0, value: node.text) }
            },
            timeline: timeline, operations: operations, demands: demands, responseDays: responseDays, evidence: evidence,
            delivery: DeliveryPlan(method: method, declaredValue: deliveryNode.attributes["declaredValue"].flatMap(DecimalAmount.init)),
            follows: follows(in: root))
    }
}

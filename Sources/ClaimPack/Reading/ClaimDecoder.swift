internal import Foundation
internal import Yams

/// Turns the YAML tree of `claim.yaml` into a `Claim`, reporting every problem it meets
/// at its position instead of stopping at the first.
struct ClaimDecoder {
    let session: DecodingSession
    let inventory: EvidenceInventory
    /// The claim folder's name, the default bundle id.
    let folderName: String
    /// The date used when `date:` is not given.
    let today: CalendarDate
    /// The law table giving `response_days` when absent; `nil`: `ClaimKind.defaultResponseDays`.
    var law: LegalProvisions? = nil

    static let topLevelKeys = [
        "format", "language", "jurisdiction", "id", "date", "kind", "subject", "claimant", "respondent", "addressee",
        "account", "timeline", "operations", "demands", "response_days", "evidence", "delivery", "follows",
    ]

    /// Decodes the document; `nil` when an error leaves no complete claim (the reasons are
    /// in the session's diagnostics).
    func decode(_ root: Node) -> Claim? {
        let start: TextPosition? = TextPosition(line: 1, column: 1)
        guard let document = YAMLMapping(root, path: "", ownerMark: start, session: session) else { return nil }
        document.rejectUnknownKeys(known: ClaimDecoder.topLevelKeys)

        guard checkFormat(document) else { return nil }
        let language = document.required("language").flatMap { session.word($0, "language", as: Language.self) }
        let jurisdiction = document.value("jurisdiction").flatMap { session.word($0, "jurisdiction", as: Jurisdiction.self) }
        let id = decodeBundleID(document)
        let date = document.value("date").map { session.date($0, "date") } ?? today
        let kind = document.value("kind").map { session.word($0, "kind", as: ClaimKind.self) } ?? .claim
        let subject = document.requiredText("subject")
        let claimant = decodeClaimant(document)
        let respondent = decodeRespondent(document)
        let addressee: Addressee?
        if let node = document.value("addressee") {
            addressee = decodeAddressee(node, mark: document.keyMark("addressee"))
        } else {
            addressee = respondent.map { Addressee(name: $0.name, address: $0.address) }
        }
        let account = decodeAccount(document)
        let (operations, operationIDs) = decodeOperations(document)
        let (evidence, evidenceIDs) = decodeEvidence(document)
        let timeline = decodeTimeline(document, operationIDs: operationIDs, evidenceIDs: evidenceIDs, claimDate: date)
        let demands = decodeDemands(document)
        let responseDaysNode = document.value("response_days")
        let responseDays = responseDaysNode.flatMap { session.integer($0, "response_days", in: 1...365) }
        let delivery = decodeDelivery(document)
        let follows = document.value("follows").flatMap { decodeFollows($0, mark: document.keyMark("follows")) }

        guard !session.diagnostics.containsErrors,
              let language, let id, let date, let kind, let subject, let claimant, let respondent,
              let addressee, let demands, let delivery
        else { return nil }
        return Claim(
            language: language, jurisdiction: jurisdiction, id: id, date: date, kind: kind, subject: subject,
            claimant: claimant, respondent: respondent, addressee: addressee,
            account: account, timeline: timeline, operations: operations, demands: demands,
            responseDays: answerDays(given: responseDays, at: responseDaysNode?.position, language: language,
                                     jurisdiction: jurisdiction, sector: respondent.sector, kind: kind),
            evidence: evidence.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) },
            delivery: delivery, follows: follows
        )
    }

    private func checkFormat(_ document: YAMLMapping) -> Bool {
        guard let node = document.value("format") else {
            session.error(.unsupportedFormat, at: document.ownerMark, "missing \"format: 1\" at the top of claim.yaml; add it as the first line")
            return true
        }
        guard let text = session.text(node, "format") else { return true }
        guard text == "1" else {
            session.error(.unsupportedFormat, at: node.position, "format \(text) is not a claim.yaml format this claimpack reads; it reads format 1")
            return false
        }
        return true
    }

    private func decodeBundleID(_ document: YAMLMapping) -> String? {
        guard let node = document.value("id") else { return Identifier.slug(from: folderName) }
        guard let id = session.text(node, "id") else { return nil }
        guard Identifier.isValid(id) else {
            session.error(.invalidIdentifier, at: node.position, "id: \"\(id)\" is not a valid bundle id; use up to 64 Latin letters, digits, \".\", \"_\" or \"-\", for example \(Identifier.slug(from: id))")
            return nil
        }
        return id
    }

    private func decodeClaimant(_ document: YAMLMapping) -> Party? {
        guard let node = document.required("claimant"),
              let mapping = YAMLMapping(node, path: "claimant", ownerMark: document.keyMark("claimant"), session: session)
        else { return nil }
        mapping.rejectUnknownKeys(known: ["name", "address", "phone", "email", "gender", "birth_date", "birth_place", "identifier"])
        let name = mapping.requiredText("name")
        let gender = mapping.value("gender").flatMap { session.word($0, "claimant.gender", as: Gender.self) }
        let address = mapping.requiredText("address")
        let phone = mapping.optionalText("phone")
        var email = mapping.optionalText("email")
        if let value = email, !EmailAddress.isValid(value) {
            session.error(.invalidEmail, at: mapping.value("email")?.position, "claimant.email: \"\(value)\" is not an e-mail address; write it as name@example.ru")
            email = nil
        }
        if !mapping.contains("phone"), !mapping.contains("email") {
            session.report(.warning, .missingContact, at: document.keyMark("claimant"),
                           "claimant: no phone and no e-mail; the company can answer only by post; add phone: or email:")
        }
        // What a statement of claim asks of the plaintiff (ГПК РФ ст. 131 ч. 2 п. 2, ЦПК України ст. 175).
        let birthDate = mapping.value("birth_date").flatMap { session.date($0, "claimant.birth_date") }
        let birthPlace = mapping.optionalText("birth_place")
        let identifier = mapping.optionalText("identifier")
        guard let name, let address else { return nil }
        return Party(name: name, address: address, phone: phone, email: email, gender: gender,
                     birthDate: birthDate, birthPlace: birthPlace, identifier: identifier)
    }

    private func decodeRespondent(_ document: YAMLMapping) -> Respondent? {
        guard let node = document.required("respondent"),
              let mapping = YAMLMapping(node, path: "respondent", ownerMark: document.keyMark("respondent"), session: session)
        else { return nil }
        mapping.rejectUnknownKeys(known: ["name", "address", "inn", "ogrn", "edrpou", "sector"])
        let name = mapping.requiredText("name")
        let sector = mapping.value("sector").flatMap { session.word($0, "respondent.sector", as: Sector.self) }
        let address = mapping.requiredText("address")
        let checks: [(key: String, code: DiagnosticCode, label: String, problem: (String) -> String?)] = [
            ("inn", .invalidINN, "INN", RegistryNumber.innProblem),
            ("ogrn", .invalidOGRN, "OGRN", RegistryNumber.ogrnProblem),
            ("edrpou", .invalidEDRPOU, "EDRPOU code", RegistryNumber.edrpouProblem),
        ]
        var numbers: [String: String] = [:]
        for check in checks {
            guard let value = mapping.optionalText(check.key) else { continue }
            if let problem = check.problem(value) {
                session.error(check.code, at: mapping.value(check.key)?.position,
                              "respondent.\(check.key): \(check.label) \(value) is not valid: \(problem); copy it again from the company's details")
            } else {
                numbers[check.key] = value
            }
        }
        guard let name, let address else { return nil }
        return Respondent(name: name, address: address, inn: numbers["inn"], ogrn: numbers["ogrn"], edrpou: numbers["edrpou"],
                          sector: sector)
    }

    private func decodeAddressee(_ node: Node, mark: TextPosition?) -> Addressee? {
        guard let mapping = YAMLMapping(node, path: "addressee", ownerMark: mark, session: session) else { return nil }
        mapping.rejectUnknownKeys(known: ["position", "person", "name", "address"])
        let position = mapping.optionalText("position")
        let person = mapping.optionalText("person")
        let name = mapping.requiredText("name")
        let address = mapping.requiredText("address")
        guard let name, let address else { return nil }
        return Addressee(position: position, person: person, name: name, address: address)
    }

    private func decodeAccount(_ document: YAMLMapping) -> [AccountIdentifier] {
        guard let node = document.value("account"),
              let mapping = YAMLMapping(node, path: "account", ownerMark: document.keyMark("account"), session: session)
        else { return [] }
        return mapping.orderedEntries.compactMap { entry in
            guard let label = session.text(entry.keyNode, "account"),
                  let value = session.text(entry.value, "account.\(label)")
            else { return nil }
            return AccountIdentifier(label: label, value: value)
        }
    }

    private func decodeDemands(_ document: YAMLMapping) -> [Demand]? {
        guard let node = document.required("demands"), let items = session.sequence(node, "demands") else { return nil }
        guard !items.isEmpty else {
            session.error(.missingField, at: node.position ?? document.keyMark("demands"), "demands: the list is empty; state at least one demand")
            return nil
        }
        return items.enumerated().compactMap { index, item in
            guard let mapping = YAMLMapping(item, path: "demands[\(index + 1)]", ownerMark: item.position, session: session) else { return nil }
            mapping.rejectUnknownKeys(known: ["text", "basis"])
            let basis = mapping.optionalText("basis")
            guard let text = mapping.requiredText("text") else { return nil }
            return Demand(text: text, basis: basis, location: session.location(item.position))
        }
    }

    /// `follows: {bundle: evidence/<file>.zip, seal: <hex>}`: the earlier bundle, a file of
    /// `evidence/`; `build` checks that it is a bundle with that seal.
    private func decodeFollows(_ node: Node, mark: TextPosition?) -> Follows? {
        guard let mapping = YAMLMapping(node, path: "follows", ownerMark: mark, session: session) else { return nil }
        mapping.rejectUnknownKeys(known: ["bundle", "seal"])
        let bundle = mapping.requiredText("bundle")
        let sealText = mapping.requiredText("seal")
        if let bundle, let code = inventory.refusedPaths[bundle.nfc] {
            session.error(code, at: mapping.value("bundle")?.position, "follows.bundle: \(bundle) \(ClaimDecoder.whyRefused(code))")
        } else if let bundle, !inventory.files.contains(where: { $0.path == bundle.nfc }) {
            session.error(.missingEvidenceFile, at: mapping.value("bundle")?.position,
                          "follows.bundle: \(bundle) is not a file under evidence/; \(earlierBundleHint(bundle.nfc))")
        }
        // Read as `verify --seal` reads a seal typed from the letter: look-alike letters as digits, each said.
        var seal: SHA256Digest?
        if let sealText {
            switch SealText.parse(sealText) {
            case .success(let read):
                seal = read.digest
                if let note = read.note { session.report(.note, .wrongType, at: mapping.value("seal")?.position, "follows.seal: \(note)") }
            case .failure(let problem):
                session.error(.wrongType, at: mapping.value("seal")?.position,
                              "follows.seal: \(problem.description); copy the 64 hexadecimal digits 'claimpack build' or 'status' printed for the earlier bundle")
            }
        }
        guard let bundle, let seal else { return nil }
        return Follows(bundle: bundle.nfc, seal: seal)
    }

    /// What to write in `follows.bundle`: a `.zip` of `evidence/` with a name like the one
    /// written, or the name written put under `evidence/` (the earlier bundle's own name,
    /// never this folder's).
    private func earlierBundleHint(_ written: String) -> String {
        let bundles = inventory.files.map(\.path).filter { $0.lowercased().hasSuffix(".zip") }
        if bundles.count == 1 { return "did you mean \(bundles[0])?" }
        if let guess = Suggestion.closest(to: written, among: bundles) { return "did you mean \(guess)?" }
        let name = written.split(separator: "/").last.map(String.init) ?? ""
        let example = name.lowercased().hasSuffix(".zip") ? "evidence/\(name)" : "evidence/<earlier bundle>.zip"
        return "put the earlier bundle (the .zip 'claimpack build' wrote) there and name it here, for example \(example)"
    }

    private func decodeDelivery(_ document: YAMLMapping) -> DeliveryPlan? {
        guard let node = document.value("delivery") else {
            session.report(.warning, .missingDeclaredValue, at: nil,
                           "no delivery: registered mail with an inventory (Form 107) is assumed, which needs a declared value; add delivery: with method: and declared_value: \"10.00\"")
            return DeliveryPlan(method: .registeredMail)
        }
        guard let mapping = YAMLMapping(node, path: "delivery", ownerMark: document.keyMark("delivery"), session: session) else { return nil }
        mapping.rejectUnknownKeys(known: ["method", "declared_value"])
        let method = mapping.value("method").map { session.word($0, "delivery.method", as: DeliveryMethod.self) } ?? .registeredMail
        let declaredValue = mapping.value("declared_value").flatMap { session.amount($0, "delivery.declared_value") }
        if method == .registeredMail, let declaredValue, declaredValue.minorUnits(scale: 2) == 0 {
            session.error(.zeroDeclaredValue, at: mapping.value("declared_value")?.position,
                          "delivery.declared_value: 0 is no declared value; registered mail with an inventory (Form 107) is a valuable letter, which the post accepts only with a value of at least 1; write declared_value: \"10\"")
        }
        if method == .registeredMail, !mapping.contains("declared_value") {
            session.report(.warning, .missingDeclaredValue, at: document.keyMark("delivery"),
                           "delivery: registered mail with an inventory (Form 107) needs a declared value; add declared_value: \"10.00\"")
        }
        guard let method else { return nil }
        return DeliveryPlan(method: method, declaredValue: declaredValue)
    }
}

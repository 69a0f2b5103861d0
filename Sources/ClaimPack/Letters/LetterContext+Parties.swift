internal import Foundation

/// The parties as the letter names them: the claimant's grammatical gender, the company's
/// role, the addressee block without repetition, addresses a line per element where the
/// country's post wants it, the subject without the title's word, how the letter goes.
extension LetterContext {
    /// The values of the parties, the subject line, the jurisdiction and the delivery.
    func partyValues() -> [String: Any] {
        let gender = claim.claimant.gender ?? LetterContext.gender(of: claim.claimant.name)
        let jurisdiction = claim.jurisdiction
        let addressee = claim.addressee
        let person = addressee.person ?? ""
        let namedInPosition = addressee.position.map { LetterContext.names(addressee.name, in: $0) } ?? false
        let sector = claim.respondent.sector
        let method = claim.delivery.method
        return [
            "subjectLine": LetterContext.subjectLine(claim.subject, prefixes: wording.subjectPrefixes, capitalized: claim.language == .en),
            "claimant": [
                "name": claim.claimant.name, "address": claim.claimant.address,
                "addressLines": LetterContext.addressLines(claim.claimant.address, jurisdiction: jurisdiction),
                "phone": claim.claimant.phone ?? "", "email": claim.claimant.email ?? "",
                "signature": LetterContext.signatureName(claim.claimant.name, language: claim.language),
                "isFemale": gender == .female, "isMale": gender == .male, "isUnknownGender": gender == nil,
            ] as [String: Any],
            "respondent": [
                "name": claim.respondent.name, "address": claim.respondent.address,
                "inn": claim.respondent.inn ?? "", "ogrn": claim.respondent.ogrn ?? "", "edrpou": claim.respondent.edrpou ?? "",
                "role": wording.role(of: sector), "hasSector": sector != nil,
                "isGoods": sector == .goods, "isServices": sector == .services, "isTelecom": sector == .telecom,
                "isFinance": sector == .finance, "isUtilities": sector == .utilities, "isState": sector == .state,
            ] as [String: Any],
            "addressee": [
                "position": addressee.position ?? "", "person": person, "name": addressee.name, "address": addressee.address,
                "addressLines": LetterContext.addressLines(addressee.address, jurisdiction: jurisdiction),
                "showName": !namedInPosition,
                "salutation": LetterContext.salutation(person),
                "isRespondent": addressee.name == claim.respondent.name && addressee.address == claim.respondent.address,
            ] as [String: Any],
            "jurisdiction": ["isRU": jurisdiction == .ru, "isUA": jurisdiction == .ua, "isGB": jurisdiction == .gb, "isUS": jurisdiction == .us],
            "delivery": ["isRegisteredMail": method == .registeredMail, "isEmail": method == .email, "isPortal": method == .portal,
                         "isHand": method == .hand, "isCourier": method == .courier],
            // The command on two lines that each fit the page, the second within 72 columns.
            "verifyLines": "claimpack verify \(bundleName) \\\n--seal \(seal.hex)",
        ]
    }

    /// The gender a Russian or Ukrainian full name shows by its patronymic («‑вна», «‑ична»,
    /// «‑івна», «‑ївна»: female; «‑ович», «‑евич», «‑ич», «‑йович»: male), or `nil` when
    /// the name has none (two words, or an English name).
    static func gender(of name: String) -> Gender? {
        let words = name.split(whereSeparator: \.isWhitespace).map { $0.lowercased().filter(\.isLetter) }
        guard words.count >= 3 else { return nil }
        let candidates = words.dropFirst()
        if candidates.contains(where: { word in ["вна", "ична", "кызы", "гызы"].contains { word.hasSuffix($0) } }) { return .female }
        if candidates.contains(where: { word in ["ич", "оглы", "огли"].contains { word.hasSuffix($0) } }) { return .male }
        return nil
    }

    /// The subject as it stands under the title: a leading word the title already says
    /// («Претензия», «Жалоба») and the punctuation after it dropped; «Претензионный…» kept.
    static func subjectLine(_ subject: String, prefixes: [String], capitalized: Bool = false) -> String {
        var line = subject.trimmingCharacters(in: .whitespaces)
        for prefix in prefixes {
            guard line.lowercased().hasPrefix(prefix.lowercased()) else { continue }
            let rest = line.dropFirst(prefix.count)
            guard let next = rest.first, next.isWhitespace || next.isPunctuation || next == "—" else { continue }
            line = String(rest.drop { $0.isWhitespace || $0.isPunctuation || $0 == "—" || $0 == "–" })
            break
        }
        if capitalized, let first = line.first { line = first.uppercased() + line.dropFirst() }
        return line.isEmpty ? subject : line
    }

    /// Whether `position` already names the body `name` (in another case: «Руководителю
    /// Главного контрольного управления» names «Главное контрольное управление»): every word
    /// of the name of three letters or more has its stem in the position.
    static func names(_ name: String, in position: String) -> Bool {
        let haystack = position.lowercased()
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 3 }
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            let stem = word.count <= 4 ? word : word.prefix(max(4, word.count - 3))
            return haystack.contains(stem)
        }
    }

    /// An address as its country's post wants it: British and American addresses one element
    /// a line, the postcode whole on its own line (British) or the state and ZIP code after
    /// the town (American), no country for domestic mail; other addresses as written.
    static func addressLines(_ address: String, jurisdiction: Jurisdiction) -> [String] {
        guard jurisdiction == .gb || jurisdiction == .us else { return [address] }
        var parts = address.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let domestic = jurisdiction == .gb ? ["united kingdom", "uk", "great britain", "england", "wales"] : ["usa", "united states", "united states of america", "us"]
        if parts.count > 1, let last = parts.last, domestic.contains(last.lowercased()) { parts.removeLast() }
        if jurisdiction == .gb, let last = parts.last,
           let range = last.range(of: #"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"#, options: .regularExpression) {
            let town = last[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            parts.removeLast()
            if !town.isEmpty { parts.append(town) }
            parts.append(String(last[range]))
        }
        if jurisdiction == .us, parts.count >= 2, parts.last?.range(of: #"^[A-Z]{2} [0-9]{5}(-[0-9]{4})?$"#, options: .regularExpression) != nil {
            let state = parts.removeLast()
            parts[parts.count - 1] += ", " + state
        }
        return parts
    }

    /// The name after "Dear": the title and the surname when the name starts with a title
    /// ("Ms Jane Doe" → "Ms Doe"), else the name as given.
    static func salutation(_ person: String) -> String {
        let words = person.split(whereSeparator: \.isWhitespace).map(String.init)
        let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]
        guard words.count >= 3, let first = words.first, titles.contains(first.lowercased().trimmingCharacters(in: ["."])) else { return person }
        return first + " " + words.last!
    }
}

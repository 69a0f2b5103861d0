internal import Foundation

/// The values of the enclosures, the post-office forms and the envelope: the letter's list
/// of attachments and Form 107 print the same `Enclosure` list.
extension LetterContext {
    /// What goes into the envelope, numbered as the letter lists it.
    var enclosures: [Enclosure] {
        Enclosure.list(for: claim, bundleName: bundleName, copies: copies, counted: counted).enclosures
    }

    /// The attachment number of each enclosed evidence id, for the facts that cite them.
    func attachmentNumbers() -> [String: Int] {
        Dictionary(enclosures.compactMap { enclosure in enclosure.evidenceID.map { ($0, enclosure.number) } }) { first, _ in first }
    }

    /// `attachments`, `hasAttachments`: the letter's list.
    func enclosureValues() -> [String: Any] {
        let list = enclosures
        return ["attachments": list.map(values(of:)), "hasAttachments": !list.isEmpty]
    }

    /// The values only the post-office forms and the envelope use, once the letter is laid
    /// out: `inventory` (Form 107), `copies`, `recipient` (position, name and person on one
    /// line, as Russian and Ukrainian forms write them), `recipientLines` (person, position
    /// and name a line each, as an English envelope writes them), `post` and `envelope`.
    /// - Parameter letterSheets: the sheets the letter itself takes.
    func formValues(letterSheets: Int, forms: PostForms) -> [String: Any] {
        let list = enclosures
        let value = claim.delivery.declaredValue.map(declaredValue) ?? "—"
        let items = list.map { enclosure -> [String: Any] in
            var item = values(of: enclosure)
            item["number"] = enclosure.number + 1
            item["quantity"] = 1
            item["value"] = "—"
            return item
        }
        let name = LetterContext.isNamed(claim.addressee.name, in: claim.addressee.position) ? nil : claim.addressee.name
        let recipient = [claim.addressee.position, name, claim.addressee.person]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let hasBox = claim.jurisdiction == .ru || claim.jurisdiction == .ua
        return [
            "isRegisteredMail": claim.delivery.method == .registeredMail,
            "inventory": [
                "letterSheets": letterSheets, "letterSheetsWord": wording.plural("sheet", letterSheets),
                "letterValue": value, "items": items, "count": list.count + 1, "total": value,
            ],
            "copies": [["copy": 1], ["copy": 2]],
            "recipient": recipient,
            "recipientLines": [claim.addressee.person, claim.addressee.position, name]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n"),
            "post": ["inventory": forms.inventory, "deliveryNotice": forms.deliveryNotice, "returnReceiptNote": forms.returnReceiptNote],
            "envelope": [
                "senderPostcode": LetterContext.postcode(in: claim.claimant.address) ?? "",
                "addresseePostcode": LetterContext.postcode(in: claim.addressee.address) ?? "",
                "hasPostcodeBox": hasBox,
                "senderLines": PostalAddress.lines(claim.claimant.address, jurisdiction: claim.jurisdiction, other: claim.addressee.address),
                "addresseeLines": PostalAddress.lines(claim.addressee.address, jurisdiction: claim.jurisdiction, other: claim.claimant.address),
            ],
        ]
    }

    /// Whether `position` already names the body `name` (in another case: «Руководителю
    /// Главного контрольного управления города Москвы» names «Главное контрольное управление
    /// города Москвы»), so that a form does not print it twice: every word of the name of
    /// four letters or more begins, in its first four letters, a word of the position.
    static func isNamed(_ name: String, in position: String?) -> Bool {
        guard let position else { return false }
        func stems(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter }.filter { $0.count >= 4 }.map { String($0.prefix(4)) }
        }
        let named = stems(name), positionStems = Set(stems(position))
        return !named.isEmpty && named.allSatisfy(positionStems.contains)
    }

    private func values(of enclosure: Enclosure) -> [String: Any] {
        var values: [String: Any] = [
            "number": enclosure.number, "title": enclosure.title, "file": enclosure.file, "id": enclosure.evidenceID ?? "",
            "isPaper": false, "isAudio": enclosure.form == .audio, "isVideo": enclosure.form == .video,
            "isElectronicCopy": enclosure.form == .electronicCopy, "isMedium": true,
            "sheets": "", "sheetsWord": "",
        ]
        if case .paper(let sheets) = enclosure.form {
            values["isPaper"] = true
            values["isMedium"] = false
            values["sheets"] = sheets
            values["sheetsWord"] = wording.plural("sheet", sheets)
        }
        return values
    }

    /// The declared value as Form 107 writes it: whole units without a fraction («10»),
    /// otherwise as written («10,50»).
    private func declaredValue(_ amount: DecimalAmount) -> String {
        if let minor = amount.minorUnits(scale: 2), minor % 100 == 0, let whole = DecimalAmount(String(minor / 100)) {
            return wording.formatNumber(whole)
        }
        return wording.formatNumber(amount)
    }
}

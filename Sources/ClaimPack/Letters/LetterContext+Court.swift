internal import Foundation

/// The values only a statement of claim and a complaint to a state body print: the
/// plaintiff's particulars the procedure code asks for, the calculation table, the claim
/// price, the fee and the court, and the earlier step the claim follows.
extension LetterContext {
    /// `plaintiff`, `calculation`, `claimPrice`, `fee`, `earlier` (the keys docs/templates.md lists
    /// under court.mustache and complaint.mustache).
    func courtValues() -> [String: Any] {
        var values: [String: Any] = [
            "plaintiff": [
                "birthDate": claim.claimant.birthDate.map { wording.formatShort($0, in: claim.jurisdiction) } ?? "",
                "birthPlace": claim.claimant.birthPlace ?? "", "identifier": claim.claimant.identifier ?? "",
            ],
        ]
        if let follows = claim.follows {
            let number = claim.evidence.first { $0.file == follows.bundle }.flatMap { attachmentNumbers()[$0.id] }
            // In a claim folder the id is not read yet: escalate names the bundle's evidence entry by it.
            let id = follows.id ?? claim.evidence.first { $0.file == follows.bundle }?.id ?? ""
            values["earlier"] = ["id": id, "seal": follows.seal.hex, "sealGrouped": follows.seal.grouped,
                                 "bundle": follows.bundle, "number": number.map(String.init) ?? ""]
        }
        // The act the document follows, from the law table (`procedure:`); none from an
        // older templates copy without the table.
        let hasLaw = FileManager.default.fileExists(atPath: LegalProvisions.folder(templates: wording.templates).path)
        let procedure = hasLaw ? (try? LegalProvisions(templates: wording.templates))?
            .procedure(jurisdiction: claim.jurisdiction, kind: claim.kind, language: claim.language) : nil
        if let procedure, procedure.language == claim.language {
            values["procedure"] = ["citation": procedure.citation]
        }
        // What the claim says was broken: the legal basis of its first demand.
        values["rightBasis"] = claim.demands.first?.basis ?? ""
        // The statement's own attachments come after the evidence: the proof the copy was
        // sent to the defendant (ГПК РФ ст. 132 п. 6).
        values["nextAttachment"] = enclosures.count + 1
        guard let calculation else { return values }
        let money = CalculationWording(claim.language)
        let rows = calculation.rows(money)
        values["calculation"] = rows.map { row -> [String: Any] in
            ["label": row.label, "formula": row.formula, "amount": row.amount.map(money.number) ?? "—",
             "isTotal": row.key == .principal || row.key == .claimPrice]
        }
        values["hasCalculation"] = true
        values["currency"] = wording.currencySymbol(calculation.price.total.currency)
        values["claimPrice"] = format(calculation.price.total)
        values["principal"] = format(calculation.price.principal.total)
        if let penalty = calculation.price.penalty {
            values["penalty"] = ["amount": format(penalty.amount), "days": penalty.days, "law": penalty.rule.law,
                                 "from": penalty.firstDay.map { wording.formatShort($0, in: claim.jurisdiction) } ?? "",
                                 "to": wording.formatShort(penalty.asOf, in: claim.jurisdiction), "isCapped": penalty.isCapped,
                                 "isConfirmed": penalty.rule.confirmed, "isRunning": penalty.days > 0]
        }
        let fee = calculation.fee
        values["fee"] = ["isExempt": fee.payable?.units == 0, "payable": fee.payable.map(format) ?? "",
                         "isUnknown": fee.payable == nil, "law": fee.law]
        values["court"] = ["isJusticeOfThePeace": calculation.court.level == .justiceOfThePeace,
                           "isDistrictCourt": calculation.court.level == .districtCourt, "law": calculation.court.law]
        values.merge(moneyClaimOnlineValues(limit: procedure?.characterLimit)) { $1 }
        return values
    }

    func format(_ money: Money) -> String {
        wording.formatMoney(money.decimal, currency: money.currency)
    }
}

extension LetterContext {
    /// The same context with the respondent as the addressee: the post-office forms and the
    /// envelope of a statement of claim are for the copy sent to the defendant.
    func addressedToRespondent() -> LetterContext {
        var copy = claim
        copy.addressee = Addressee(name: claim.respondent.name, address: claim.respondent.address)
        var context = LetterContext(claim: copy, seal: seal, bundleName: bundleName, wording: wording)
        context.copies = copies
        context.counted = counted
        context.calculation = calculation
        return context
    }
}

extension LetterContext {
    /// `mcol`: the short particulars of an English claim to paste into Money Claim Online
    /// (`text`, `count`, `limit`, `fits`), when the law table gives the form's character
    /// limit (`procedure.court.characters` in gb.yaml: 1,080); the statement itself is the
    /// longer version attached.
    func moneyClaimOnlineValues(limit: Int?) -> [String: Any] {
        guard claim.jurisdiction == .gb, let limit, let calculation else { return [:] }
        let price = calculation.price
        let ids = price.principal.parts.map(\.id).joined(separator: ", ")
        var sentences = [
            "The Claimant is a consumer. The Defendant, \(claim.respondent.name), supplied services to the Claimant\(claim.account.first.map { " (\($0.label) \($0.value))" } ?? "").",
            "The Claimant claims \(format(price.principal.total)), the amount of \(price.principal.parts.count == 1 ? "transaction" : "transactions") \(ids), which the Claimant disputes and the Defendant has not refunded.",
        ]
        if let penalty = price.penalty {
            sentences.append("The Claimant wrote to the Defendant before claim; the answer was due by \(wording.formatShort(penalty.answerDue, in: claim.jurisdiction)) and the Defendant has not paid.")
            if penalty.days > 0, let first = penalty.firstDay, case .perYear(let basisPoints, let daysInYear) = penalty.rule.rate,
               let daily = penalty.base.scaled(by: basisPoints, over: 10_000 * daysInYear) {
                sentences.append("The Claimant claims interest under \(penalty.rule.law) at \(CalculationWording(.en).percent(basisPoints)) a year from \(wording.formatShort(first, in: claim.jurisdiction)) to \(wording.formatShort(penalty.asOf, in: claim.jurisdiction)) (\(penalty.days) days): \(format(penalty.amount)), and continuing at \(format(daily)) a day until judgment or earlier payment.")
            }
        }
        sentences.append("Total claimed: \(format(price.total)). Full particulars with the evidence are attached.")
        let text = sentences.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " ")
        return ["mcol": ["text": text, "count": text.count, "limit": limit, "fits": text.count <= limit]]
    }
}

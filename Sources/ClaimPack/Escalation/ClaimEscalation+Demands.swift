extension ClaimEscalation {
    /// The demands prefilled for the step: for a complaint, a check of the company, the
    /// measures the authority can take (КоАП РФ ст. 14.8 where Роспотребнадзор hears it) and
    /// a written answer; for court, the principal of the disputed operations, the penalty
    /// counted to `asOf`, moral damages (a placeholder) and, in Russia, the 50 % fine.
    func writeDemands(_ yaml: inout ClaimYAMLWriter, claim: Claim, status: ClaimStatus) throws(EscalationError) {
        let (demands, omitted) = to == .court ? try courtDemands(claim, status: status) : (complaintDemands(claim), nil)
        yaml.comment(to == .court
            ? "Demands of the statement of claim: the sums are computed (docs/escalation.md); check them, fill in the <…> ones, delete what you do not claim."
            : "What the authority is asked to do; delete what does not fit.")
        yaml.open("demands")
        for demand in demands {
            if let note = demand.note { yaml.comment(note, indent: 2) }
            yaml.quoted("text", demand.text, indent: 4, dash: true)
            yaml.quoted("basis", demand.basis, indent: 4)
        }
        if let omitted { yaml.comment(omitted, indent: 2) }
    }

    private typealias Drafted = (text: String, basis: String?, note: String?)

    private func complaintDemands(_ claim: Claim) -> [Drafted] {
        let company = claim.respondent.name
        let law = authority?.law
        switch claim.language {
        case .ru:
            let measures: Drafted = authority?.key == "rospotrebnadzor"
                ? ("Возбудить в отношении \(company) дело об административном правонарушении по ст. 14.8 КоАП РФ и выдать предписание об устранении нарушения моих прав.",
                   "ст. 14.8, 23.49 КоАП РФ", "КоАП РФ ст. 14.8: дела о нарушении прав потребителей рассматривает Роспотребнадзор (ст. 23.49).")
                : ("Принять в отношении \(company) меры, предусмотренные законом, для устранения нарушения моих прав.", nil, nil)
            return [
                ("Провести проверку соблюдения \(company) обязательных требований по изложенным фактам.", law, nil),
                measures,
                ("Дать мне письменный ответ по существу жалобы.", "ст. 10, 12 Федерального закона от 02.05.2006 № 59-ФЗ", nil),
            ]
        case .uk:
            return [
                ("Провести перевірку дотримання \(company) законодавства про захист прав споживачів за викладеними фактами.", law, nil),
                ("Вжити щодо \(company) заходів, передбачених законом, для усунення порушення моїх прав.", nil, nil),
                ("Надати мені письмову відповідь по суті скарги.", "ст. 20 Закону України «Про звернення громадян»", nil),
            ]
        case .en:
            return [
                ("Investigate my complaint against \(company).", law, nil),
                ("Direct \(company) to put things right, including refunding the disputed amount.", nil, nil),
                ("Send me your written decision.", nil, nil),
            ]
        }
    }

    /// The demands of a statement of claim, worded for the court (the plaintiff asks the
    /// court to order the defendant to pay), and why a demand was left out, if one was.
    private func courtDemands(_ claim: Claim, status: ClaimStatus) throws(EscalationError) -> (demands: [Drafted], omitted: String?) {
        // The same computation the statement's table prints (CourtCalculation), dated asOf.
        var statement = claim
        statement.date = asOf
        let due = claim.kind == .claim ? status.deadline?.due : firstClaimAnswerDue
        let price = try CourtCalculation(claim: statement, answerDue: due, law: law).price
        let principal = price.principal
        let money = CalculationWording(claim.language)
        let wording = EscalationWording(claim.language)
        func amount(_ value: Money) -> String {
            let sign = switch value.currency.code { case "RUB": "₽"; case "UAH": "грн"; case "GBP": "£"; default: value.currency.code }
            return sign == "£" ? "£\(money.number(value))" : "\(money.number(value)) \(sign)"
        }
        let ids = principal.parts.map(\.id).joined(separator: ", ")
        var demands: [Drafted] = []
        switch claim.language {
        case .ru: demands.append(("Взыскать с ответчика в мою пользу \(amount(principal.total)) — сумму операций \(ids).", claim.demands.first?.basis,
                                  "Основной долг: только операции с disputed: true."))
        case .uk: demands.append(("Стягнути з відповідача на мою користь \(amount(principal.total)) — суму операцій \(ids).", claim.demands.first?.basis,
                                  "Основна сума: лише операції з disputed: true."))
        case .en: demands.append(("\(amount(principal.total)), the amount of \(principal.parts.count == 1 ? "transaction" : "transactions") \(ids), which the Defendant has not refunded.", claim.demands.first?.basis,
                                  "The principal: only the transactions marked disputed: true."))
        }
        var omitted: String?
        if let penalty = price.penalty, penalty.days == 0 {
            // No day of delay yet (drafted with --anyway before the answer was due): no
            // demand of 0,00 for a period that has not begun.
            omitted = wording.noPenaltyYet(due: penalty.answerDue, asOf: asOf)
        } else if let penalty = price.penalty {
            let rule = penalty.rule
            let due = penalty.answerDue
            let from = penalty.firstDay.map(wording.date) ?? wording.date(asOf)
            let note = "Counted by \(rule.law) on \(amount(principal.total)) from the day after the answer was due (\(wording.date(due))) to \(wording.date(asOf)): \(penalty.days) days\(penalty.isCapped ? ", capped" : "")\(rule.confirmed ? "" : "; check that it applies")."
            switch claim.language {
            case .ru: demands.append(("Взыскать с ответчика неустойку за период с \(from) по \(wording.date(asOf)) в размере \(amount(penalty.amount)) и далее по день вынесения решения суда.", rule.law, note))
            case .uk: demands.append(("Стягнути з відповідача пеню за період з \(from) по \(wording.date(asOf)) у розмірі \(amount(penalty.amount)).", rule.law, note))
            case .en: demands.append(("Interest under \(rule.law) of \(amount(penalty.amount)) from \(from) to \(wording.date(asOf)), and continuing at the daily rate until judgment or earlier payment.", rule.law, note))
            }
        }
        switch claim.language {
        case .ru:
            demands.append(("<Взыскать с ответчика компенсацию морального вреда в размере … ₽ — укажите сумму и чем причинён вред>",
                            "ст. 15 Закона РФ «О защите прав потребителей»", "Моральный вред: сумму решаете только вы; в цену иска не входит."))
            demands.append(("Взыскать с ответчика штраф в размере 50 % от суммы, присуждённой судом в мою пользу, за несоблюдение в добровольном порядке требований потребителя.",
                            "п. 6 ст. 13 Закона РФ «О защите прав потребителей»", "Штраф суд присуждает сам; в цену иска не входит."))
        case .uk:
            demands.append(("<Стягнути з відповідача відшкодування моральної шкоди у розмірі … грн — вкажіть суму та чим її завдано>",
                            "ст. 23 Цивільного кодексу України", "Моральна шкода: суму вирішуєте лише ви."))
        case .en:
            break
        }
        return (demands, omitted)
    }
}

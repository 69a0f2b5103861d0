/// The words of the court-money rows in the claim's language, and its way of writing numbers
/// (ru, uk: «1 500,00»; en: «1,500.00»).
public struct CalculationWording: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// An amount with digit groups and the language's decimal mark, without a currency.
    public func number(_ money: Money) -> String {
        let text = money.decimal.text
        let parts = text.split(separator: ".")
        var integer = String(parts[0])
        let group = language == .en ? "," : "\u{00A0}"
        var grouped = ""
        while integer.count > 3 {
            grouped = group + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        return integer + grouped + (language == .en ? "." : ",") + parts[1]
    }

    /// A percentage given in hundredths of a percent: «3 %», «2,5 %», «8%».
    func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        var text = String(whole)
        if fraction != 0 {
            let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
            text += (language == .en ? "." : ",") + digits
        }
        return language == .en ? "\(text)%" : "\(text)\u{00A0}%"
    }

    func date(_ date: CalendarDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return language == .en ? "\(two(date.day))/\(two(date.month))/\(date.year)" : "\(two(date.day)).\(two(date.month)).\(date.year)"
    }

    func operation(_ id: String) -> String {
        switch language {
        case .ru: "Операция \(id)"
        case .uk: "Операція \(id)"
        case .en: "Transaction \(id)"
        }
    }

    var principal: String {
        switch language {
        case .ru: "Основной долг (сумма оспариваемых операций)"
        case .uk: "Основна сума (сума оскаржуваних операцій)"
        case .en: "Principal (the disputed transactions)"
        }
    }

    var penaltyPeriod: String {
        switch language {
        case .ru: "Период просрочки"
        case .uk: "Період прострочення"
        case .en: "Period of interest"
        }
    }

    func period(from first: CalendarDate?, to last: CalendarDate, days: Int) -> String {
        guard let first else {
            switch language {
            case .ru: return "срок ответа не истёк на \(date(last)): 0 дней"
            case .uk: return "строк відповіді не сплив на \(date(last)): 0 днів"
            case .en: return "the answer was not yet overdue on \(date(last)): 0 days"
            }
        }
        switch language {
        case .ru: return "с \(date(first)) по \(date(last)) включительно: \(days) дн."
        case .uk: return "з \(date(first)) по \(date(last)) включно: \(days) дн."
        case .en: return "from \(date(first)) to \(date(last)) inclusive: \(days) days"
        }
    }

    func percentPerDay(_ basisPoints: Int) -> String { percent(basisPoints) }

    /// « (daily rate 0.22)», appended to a yearly rate's formula.
    func dailyRate(_ daily: Money) -> String {
        switch language {
        case .ru: " (в день \(number(daily)))"
        case .uk: " (за день \(number(daily)))"
        case .en: " (daily rate \(number(daily)))"
        }
    }

    func percentPerYear(_ basisPoints: Int, daysInYear: Int) -> String {
        "\(percent(basisPoints)) ÷ \(daysInYear)"
    }

    func penalty(law: String, confirmed: Bool) -> String {
        let check: String
        switch language {
        case .ru: check = confirmed ? "" : " — применимость проверить"
        case .uk: check = confirmed ? "" : " — застосовність перевірити"
        case .en: check = confirmed ? "" : " — check that it applies"
        }
        switch language {
        case .ru: return "Неустойка (\(law))\(check)"
        case .uk: return "Пеня (\(law))\(check)"
        case .en: return "Interest (\(law))\(check)"
        }
    }

    var penaltyCap: String {
        switch language {
        case .ru: "Неустойка, ограниченная ценой услуги"
        case .uk: "Пеня, обмежена ціною послуги"
        case .en: "Interest, capped"
        }
    }

    func capFormula(uncapped: Money, base: Money, percent: Int, cap: Money) -> String {
        let limit = percent == 100 ? number(base) : "\(number(base)) × \(self.percent(percent * 100))"
        return "min(\(number(uncapped)); \(limit)) = \(number(cap))"
    }

    var claimPrice: String {
        switch language {
        case .ru: "Цена иска (основной долг + неустойка)"
        case .uk: "Ціна позову (основна сума + пеня)"
        case .en: "Amount claimed (principal + interest)"
        }
    }

    var moralDamages: String {
        switch language {
        case .ru: "Компенсация морального вреда — заявляется, в цену иска не входит"
        case .uk: "Відшкодування моральної шкоди — заявляється, до ціни позову не входить"
        case .en: "Compensation for moral damage — claimed, not part of the claim price"
        }
    }

    var consumerFine: String {
        switch language {
        case .ru: "Штраф 50 % от присуждённой суммы (п. 6 ст. 13 Закона РФ «О защите прав потребителей») — взыскивается судом, в цену иска не входит"
        case .uk: "Штраф 50 % присудженої суми (п. 6 ст. 13 Закону РФ «О защите прав потребителей») — стягується судом, до ціни позову не входить"
        case .en: "Fine of 50% of the sum awarded (Law of the Russian Federation “On Consumer Rights Protection”, art. 13(6)) — set by the court, not part of the claim price"
        }
    }
}

extension CalculationWording {
    var courtFee: String {
        switch language {
        case .ru: "Государственная пошлина"
        case .uk: "Судовий збір"
        case .en: "Court fee"
        }
    }

    var court: String {
        switch language {
        case .ru: "Подсудность"
        case .uk: "Підсудність"
        case .en: "Court"
        }
    }

    /// A claim price no more than the exemption limit (or a consumer exempt at any price,
    /// `limit` nil): no fee.
    func feeExempt(law: String, limit: Money?) -> String {
        switch (language, limit) {
        case (.ru, let limit?): "истец-потребитель освобождён при цене иска до \(number(limit)) ₽ (\(law))"
        case (.ru, nil): "истец-потребитель освобождён (\(law))"
        case (.uk, _): "позивач-споживач звільнений від сплати (\(law))"
        case (.en, _): "the consumer is exempt (\(law))"
        }
    }

    /// A fee claimpack does not compute (no `court_fee:` in the law table, or a claim price
    /// it has no bracket for): where to look it up.
    func feeNotComputed(law: String) -> String {
        let by = law.isEmpty ? "" : " (\(law))"
        switch language {
        case .ru: return "не рассчитана: см. таблицу пошлин\(by) на день подачи"
        case .uk: return "не розраховано: див. таблицю судового збору\(by) на день подання"
        case .en: return "not computed: see the court fee table\(by) on the day of filing"
        }
    }

    /// A claim price above the exemption limit: the fee less the fee at the limit.
    func feeAboveExemption(full: Money, atLimit: Money, limit: Money, payable: Money, law: String) -> String {
        switch language {
        case .ru: "\(number(full)) − \(number(atLimit)) (пошлина при цене иска \(number(limit))) = \(number(payable)) (\(law))"
        case .uk: "\(number(full)) − \(number(atLimit)) = \(number(payable)) (\(law))"
        case .en: "\(number(full)) − \(number(atLimit)) = \(number(payable)) (\(law))"
        }
    }
}

extension CalculationWording {
    /// The court and the reason, for example «мировой судья: цена иска 100 000,00 ≤ 100 000,00 (…)».
    func courtChoice(_ choice: CourtChoice) -> String {
        let price = number(choice.claimPrice)
        let limit = choice.justiceOfThePeaceLimit.map(number) ?? ""
        switch (choice.level, language) {
        case (.justiceOfThePeace, .ru): return "мировой судья: цена иска \(price) ≤ \(limit) (\(choice.law)); иск можно подать по месту жительства истца"
        case (.justiceOfThePeace, .uk): return "мировий суддя: ціна позову \(price) ≤ \(limit) (\(choice.law))"
        case (.justiceOfThePeace, .en): return "justice of the peace: claim price \(price) ≤ \(limit) (\(choice.law))"
        case (.districtCourt, .ru) where choice.justiceOfThePeaceLimit != nil: return "районный суд: цена иска \(price) > \(limit) (\(choice.law)); иск можно подать по месту жительства истца"
        case (.districtCourt, .uk) where choice.justiceOfThePeaceLimit != nil: return "районний суд: ціна позову \(price) > \(limit) (\(choice.law))"
        case (.districtCourt, .en) where choice.justiceOfThePeaceLimit != nil: return "district court: claim price \(price) > \(limit) (\(choice.law))"
        case (.districtCourt, .ru): return "местный общий суд (\(choice.law))"
        case (.districtCourt, .uk): return "місцевий загальний суд (\(choice.law))"
        case (.districtCourt, .en): return "local general court (\(choice.law))"
        case (.countyCourt, _): return choice.law.isEmpty ? "County Court" : choice.law
        case (.undecided, _): return choice.law
        }
    }
}

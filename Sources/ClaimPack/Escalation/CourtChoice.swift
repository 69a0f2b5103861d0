/// Which court hears a consumer's claim, by its price, and where the consumer may sue — by
/// the `courts:` section of the law table (`CourtRule`, docs/escalation.md §6).
///
/// ru: a justice of the peace (мировой судья) for a property dispute about consumer rights
/// whose claim price does not exceed the limit (ГПК РФ ст. 23 ч. 1 п. 5), otherwise the
/// district court (ГПК РФ ст. 24); the consumer may sue where they live or stay, where the
/// defendant is, or where the contract was made or performed (ЗоЗПП ст. 17 п. 2).
public struct CourtChoice: Sendable, Hashable {
    /// The level of court.
    public enum Level: String, Sendable, Hashable {
        /// ru: мировой судья.
        case justiceOfThePeace
        /// ru: районный (городской) суд; ua: місцевий загальний суд.
        case districtCourt
        /// gb: the County Court.
        case countyCourt
        /// Not decided by claimpack (us, or a claim in another currency than the limit's).
        case undecided
    }

    public let jurisdiction: Jurisdiction
    public let claimPrice: Money
    public let level: Level
    /// The law that decides the level and the place.
    public let law: String
    /// The highest claim price a justice of the peace hears, when the jurisdiction has one
    /// and the claim is in its currency; the limit itself still goes to them.
    public let justiceOfThePeaceLimit: Money?

    /// - Parameter rule: the law table's `courts:` (`LegalProvisions.courtRule`); `nil`: undecided.
    public init(jurisdiction: Jurisdiction, claimPrice: Money, rule: CourtRule?) {
        self.jurisdiction = jurisdiction
        self.claimPrice = claimPrice
        guard let rule else {
            level = .undecided
            law = ""
            justiceOfThePeaceLimit = nil
            return
        }
        guard let limit = rule.justiceOfThePeaceUpTo else {
            level = rule.otherwise
            law = rule.law
            justiceOfThePeaceLimit = nil
            return
        }
        guard claimPrice.currency.code == rule.currency, let units = ExactRatio.roundedHalfUp(limit, times: 100, over: 1) else {
            // The limit is in roubles; the rate of conversion is the court's to choose.
            level = .undecided
            law = [rule.justiceOfThePeaceLaw, rule.law].compactMap { $0 }.joined(separator: "; ")
            justiceOfThePeaceLimit = nil
            return
        }
        let money = Money(units: units, currency: claimPrice.currency)
        justiceOfThePeaceLimit = money
        if claimPrice <= money {
            level = .justiceOfThePeace
            law = rule.justiceOfThePeaceLaw ?? rule.law
        } else {
            level = rule.otherwise
            law = rule.law
        }
    }

    /// One row: the court and why.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        [CalculationRow(key: .court, label: wording.court, formula: wording.courtChoice(self), amount: nil, inClaimPrice: false)]
    }
}

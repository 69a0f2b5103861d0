/// Which court hears a consumer's claim, by its price, and where the consumer may sue.
///
/// ru: a justice of the peace (мировой судья) for a property dispute about consumer rights
/// whose claim price does not exceed 100 000 ₽ (ГПК РФ ст. 23 ч. 1 п. 5), otherwise the
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
        /// Not decided by claimpack (us).
        case undecided
    }

    public let jurisdiction: Jurisdiction
    public let claimPrice: Money
    public let level: Level
    /// The law that decides the level and the place.
    public let law: String

    /// The highest claim price a justice of the peace hears in a consumer property dispute
    /// (ГПК РФ ст. 23 ч. 1 п. 5), in kopecks; the threshold itself still goes to them.
    public static let ruJusticeOfThePeaceLimit = 100_000_00

    public init(jurisdiction: Jurisdiction, claimPrice: Money) {
        self.jurisdiction = jurisdiction
        self.claimPrice = claimPrice
        switch jurisdiction {
        case .ru where claimPrice.currency.code != "RUB":
            // The threshold is in roubles; the rate of conversion is the court's to choose.
            level = .undecided
            law = "ст. 23, 24 ГПК РФ"
        case .ru:
            if claimPrice.units <= CourtChoice.ruJusticeOfThePeaceLimit {
                level = .justiceOfThePeace
                law = "п. 5 ч. 1 ст. 23 ГПК РФ; п. 2 ст. 17 Закона РФ «О защите прав потребителей»"
            } else {
                level = .districtCourt
                law = "ст. 24 ГПК РФ; п. 2 ст. 17 Закона РФ «О защите прав потребителей»"
            }
        case .ua:
            level = .districtCourt
            law = "ЦПК України; ч. 5 ст. 28 ЦПК України (позов за місцем проживання споживача)"
        case .gb:
            level = .countyCourt
            law = "County Court (Money Claim Online)"
        case .us:
            level = .undecided
            law = ""
        }
    }

    /// One row: the court and why.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        [CalculationRow(key: .court, label: wording.court, formula: wording.courtChoice(self), amount: nil, inClaimPrice: false)]
    }
}

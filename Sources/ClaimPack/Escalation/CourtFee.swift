/// The court fee a consumer pays on a claim price, or the exemption that spares it.
///
/// ru: the fee of НК РФ ст. 333.19 п. 1 пп. 1 (rates of 259-ФЗ, claims filed from
/// 09.09.2024), rounded to a whole rouble, half up (ст. 52 п. 6, as the Ministry of Finance
/// applies it to the fee, letter of 28.05.2025 № 03-05-04-03/52566); a consumer pays
/// nothing up to a claim price of 1 000 000 ₽ and, above it, the fee less the fee at
/// 1 000 000 ₽ (ст. 333.36 пп. 4 п. 2 and п. 3; ЗоЗПП ст. 17 п. 3). ua: consumers are
/// exempt (ЗУ «Про захист прав споживачів» ч. 3 ст. 22, upheld by the Grand Chamber of the
/// Supreme Court on 21.03.2018 although «Про судовий збір» ст. 5 does not list them).
/// gb and us: not computed.
public struct CourtFee: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    public let claimPrice: Money
    /// The fee a payer with no exemption would pay, when claimpack computes it.
    public let fullFee: Money?
    /// What the consumer pays; `nil` when claimpack does not compute it (gb, us, or a ru
    /// claim price above the brackets it knows).
    public let payable: Money?
    /// The law that sets or spares the fee.
    public let law: String

    /// The most a consumer's claim may be worth with no fee (НК РФ ст. 333.36 п. 3), in kopecks.
    public static let ruExemptionLimit = 1_000_000_00

    /// The brackets of НК РФ ст. 333.19 п. 1 пп. 1 (259-ФЗ): above `from` roubles,
    /// `fixed` roubles plus `basisPoints` hundredths of a percent of the excess.
    static let ruBrackets: [(from: Int, upTo: Int, fixed: Int, basisPoints: Int)] = [
        (0, 100_000, 4_000, 0),
        (100_000, 300_000, 4_000, 300),
        (300_000, 500_000, 10_000, 250),
        (500_000, 1_000_000, 15_000, 200),
        (1_000_000, 3_000_000, 25_000, 100),
        (3_000_000, 8_000_000, 45_000, 70),
    ]

    public init(jurisdiction: Jurisdiction, claimPrice: Money) {
        self.jurisdiction = jurisdiction
        self.claimPrice = claimPrice
        switch jurisdiction {
        case .ru where claimPrice.currency.code != "RUB":
            // The fee is set in roubles; a claim in another currency is converted by the court.
            law = "пп. 1 п. 1 ст. 333.19, пп. 4 п. 2 и п. 3 ст. 333.36 НК РФ"
            fullFee = nil
            payable = nil
        case .ru:
            law = "пп. 1 п. 1 ст. 333.19, пп. 4 п. 2 и п. 3 ст. 333.36 НК РФ; п. 3 ст. 17 Закона РФ «О защите прав потребителей»"
            let full = CourtFee.ruFee(kopecks: claimPrice.units).map { Money(units: $0 * 100, currency: claimPrice.currency) }
            fullFee = full
            if claimPrice.units <= CourtFee.ruExemptionLimit {
                payable = .zero(claimPrice.currency)
            } else if let full, let atLimit = CourtFee.ruFee(kopecks: CourtFee.ruExemptionLimit) {
                payable = full.subtracting(Money(units: atLimit * 100, currency: claimPrice.currency))
            } else {
                payable = nil
            }
        case .ua:
            law = "ч. 3 ст. 22 Закону України «Про захист прав споживачів»"
            fullFee = nil
            payable = .zero(claimPrice.currency)
        case .gb, .us:
            law = ""
            fullFee = nil
            payable = nil
        }
    }

    /// The ru fee in whole roubles for a claim price in kopecks, or `nil` above the last
    /// bracket claimpack knows (8 000 000 ₽).
    static func ruFee(kopecks price: Int) -> Int? {
        guard let bracket = ruBrackets.first(where: { price <= $0.upTo * 100 }) else { return nil }
        let excess = price - bracket.from * 100
        // excess kopecks × bp ÷ 10 000 is the percentage part in kopecks; ÷ 100 more gives roubles.
        guard let percentPart = ExactRatio.roundedHalfUp(excess, times: bracket.basisPoints, over: 1_000_000) else { return nil }
        return bracket.fixed + percentPart
    }

    /// The bracket's formula and the fee, then the exemption or the fee payable.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        var rows: [CalculationRow] = []
        switch jurisdiction {
        case .ru:
            let limit = Money(units: CourtFee.ruExemptionLimit, currency: claimPrice.currency)
            guard let payable else {
                return [CalculationRow(key: .courtFee, label: wording.courtFee, formula: law, amount: nil, inClaimPrice: false)]
            }
            if claimPrice.units <= CourtFee.ruExemptionLimit {
                rows.append(CalculationRow(key: .feeExemption, label: wording.courtFee,
                                           formula: wording.feeExempt(law: "пп. 4 п. 2, п. 3 ст. 333.36 НК РФ", limit: limit),
                                           amount: payable, inClaimPrice: false))
            } else if let fullFee {
                let atLimit = Money(units: (CourtFee.ruFee(kopecks: CourtFee.ruExemptionLimit) ?? 0) * 100, currency: claimPrice.currency)
                rows.append(CalculationRow(key: .courtFee, label: wording.courtFee,
                                           formula: wording.feeAboveExemption(full: fullFee, atLimit: atLimit, limit: limit,
                                                                               payable: payable, law: law),
                                           amount: payable, inClaimPrice: false))
            }
        case .ua:
            rows.append(CalculationRow(key: .feeExemption, label: wording.courtFee,
                                       formula: wording.feeExempt(law: law, limit: claimPrice), amount: payable, inClaimPrice: false))
        case .gb, .us:
            rows.append(CalculationRow(key: .courtFee, label: wording.courtFee, formula: "", amount: nil, inClaimPrice: false))
        }
        return rows
    }
}

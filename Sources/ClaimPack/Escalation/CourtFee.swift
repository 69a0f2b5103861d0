/// The court fee a consumer pays on a claim price, or the exemption that spares it, by the
/// `court_fee:` section of the law table (`CourtFeeSchedule`, docs/escalation.md §5).
///
/// ru: the brackets of НК РФ ст. 333.19 п. 1 пп. 1 (rates of 259-ФЗ), rounded to a whole
/// rouble, half up (ст. 52 п. 6); a consumer pays nothing up to the exemption limit
/// (1 000 000 ₽) and, above it, the fee less the fee at the limit (ст. 333.36 пп. 4 п. 2 and
/// п. 3; ЗоЗПП ст. 17 п. 3). ua: consumers are exempt. gb and us: not computed.
public struct CourtFee: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    public let claimPrice: Money
    /// The fee a payer with no exemption would pay, when claimpack computes it.
    public let fullFee: Money?
    /// What the consumer pays; `nil` when claimpack does not compute it (no schedule, a
    /// claim in another currency, or a claim price above the brackets it knows).
    public let payable: Money?
    /// The law that sets or spares the fee.
    public let law: String
    /// The schedule it was computed by.
    public let schedule: CourtFeeSchedule?

    /// - Parameter schedule: the law table's `court_fee:` (`LegalProvisions.courtFeeSchedule`);
    ///   `nil`: not computed.
    public init(jurisdiction: Jurisdiction, claimPrice: Money, schedule: CourtFeeSchedule?) {
        self.jurisdiction = jurisdiction
        self.claimPrice = claimPrice
        self.schedule = schedule
        law = schedule?.law ?? ""
        guard let schedule, claimPrice.currency.code == schedule.currency else {
            // The fee is set in its currency; a claim in another is converted by the court.
            fullFee = nil
            payable = nil
            return
        }
        let full = CourtFee.fee(units: claimPrice.units, schedule: schedule).map { Money(units: $0 * 100, currency: claimPrice.currency) }
        fullFee = full
        if schedule.consumersExempt {
            payable = .zero(claimPrice.currency)
        } else if let limit = schedule.consumerExemptUpTo {
            if claimPrice.units <= limit * 100 {
                payable = .zero(claimPrice.currency)
            } else if let full, let atLimit = CourtFee.fee(units: limit * 100, schedule: schedule) {
                payable = full.subtracting(Money(units: atLimit * 100, currency: claimPrice.currency))
            } else {
                payable = nil
            }
        } else {
            payable = full
        }
    }

    /// The fee in whole units for a claim price in minor units, rounded half up, or `nil`
    /// above the last bracket of `schedule`.
    static func fee(units price: Int, schedule: CourtFeeSchedule) -> Int? {
        guard let bracket = schedule.brackets.first(where: { price <= $0.upTo * 100 }) else { return nil }
        let excess = price - bracket.from * 100
        // excess minor units × bp ÷ 10 000 is the percentage part in minor units; ÷ 100 more gives whole units.
        guard let percentPart = ExactRatio.roundedHalfUp(excess, times: bracket.basisPoints, over: 1_000_000) else { return nil }
        return bracket.fixed + percentPart
    }

    /// The bracket's formula and the fee, then the exemption or the fee payable.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        guard let schedule, let payable else {
            return [CalculationRow(key: .courtFee, label: wording.courtFee, formula: wording.feeNotComputed(law: law), amount: nil, inClaimPrice: false)]
        }
        if schedule.consumersExempt {
            return [CalculationRow(key: .feeExemption, label: wording.courtFee,
                                   formula: wording.feeExempt(law: schedule.exemptionLaw, limit: nil), amount: payable, inClaimPrice: false)]
        }
        guard let limitUnits = schedule.consumerExemptUpTo else {
            return [CalculationRow(key: .courtFee, label: wording.courtFee, formula: law, amount: payable, inClaimPrice: false)]
        }
        let limit = Money(units: limitUnits * 100, currency: claimPrice.currency)
        if claimPrice <= limit {
            return [CalculationRow(key: .feeExemption, label: wording.courtFee,
                                   formula: wording.feeExempt(law: schedule.exemptionLaw, limit: limit), amount: payable, inClaimPrice: false)]
        }
        let atLimit = Money(units: (CourtFee.fee(units: limit.units, schedule: schedule) ?? 0) * 100, currency: claimPrice.currency)
        return [CalculationRow(key: .courtFee, label: wording.courtFee,
                               formula: wording.feeAboveExemption(full: fullFee ?? payable, atLimit: atLimit, limit: limit, payable: payable, law: law),
                               amount: payable, inClaimPrice: false)]
    }
}

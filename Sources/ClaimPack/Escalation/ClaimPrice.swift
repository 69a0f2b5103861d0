/// The price of a court claim: the principal plus the statutory penalty. Moral damages and
/// the consumer fine are claimed too but are not part of it (the fine is set by the court
/// on the sum it awards); their rows say so and carry no amount.
public struct ClaimPrice: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    public let principal: ClaimPrincipal
    /// The penalty, or `nil` when none applies.
    public let penalty: StatutoryPenalty?
    /// Principal + penalty.
    public let total: Money

    /// - Throws: `EscalationError.currencyMismatch` when the penalty is in another currency,
    ///   `.overflow`.
    public init(jurisdiction: Jurisdiction, principal: ClaimPrincipal, penalty: StatutoryPenalty?) throws(EscalationError) {
        self.jurisdiction = jurisdiction
        self.principal = principal
        self.penalty = penalty
        var total = principal.total
        if let penalty {
            guard penalty.amount.currency == total.currency else {
                throw .currencyMismatch(total.currency.code, penalty.amount.currency.code)
            }
            guard let sum = total.adding(penalty.amount) else { throw .overflow }
            total = sum
        }
        self.total = total
    }

    /// The principal's rows, the penalty's, the claim price, then what is claimed outside it.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        var rows = principal.rows(wording)
        var formula = ""
        if let penalty {
            rows += penalty.rows(wording)
        }
        if let penalty, penalty.days > 0 {
            formula = "\(wording.number(principal.total)) + \(wording.number(penalty.amount))"
        }
        rows.append(CalculationRow(key: .claimPrice, label: wording.claimPrice, formula: formula, amount: total))
        if jurisdiction == .ru || jurisdiction == .ua {
            rows.append(CalculationRow(key: .moralDamages, label: wording.moralDamages, formula: "", amount: nil, inClaimPrice: false))
        }
        if jurisdiction == .ru {
            rows.append(CalculationRow(key: .consumerFine, label: wording.consumerFine, formula: "", amount: nil, inClaimPrice: false))
        }
        return rows
    }
}

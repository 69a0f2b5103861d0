/// The money of a statement of claim, as the table a judge checks by hand: the principal
/// (the disputed operations), the statutory penalty from the day after the earlier claim's
/// answer was due to the statement's date, the claim price, what is claimed outside it, the
/// court fee or the exemption, and the court (docs/escalation.md).
public struct CourtCalculation: Sendable, Hashable {
    public let price: ClaimPrice
    public let fee: CourtFee
    public let court: CourtChoice

    /// - Parameters:
    ///   - answerDue: the last day the company could answer the earlier claim (`nil` when it
    ///     is not known: no penalty is computed then).
    ///   - law: the law table, whose `penalties:`, `court_fee:` and `courts:` give the rate,
    ///     the fee and the court.
    /// - Throws: `EscalationError` when no operation is disputed, the disputed ones are in
    ///   several currencies, or a sum overflows.
    public init(claim: Claim, answerDue: CalendarDate?, law: LegalProvisions) throws(EscalationError) {
        let principal = try ClaimPrincipal(operations: claim.operations)
        var penalty: StatutoryPenalty?
        if let answerDue, let sector = claim.respondent.sector,
           let rule = law.penaltyRule(jurisdiction: claim.jurisdiction, sector: sector) {
            penalty = try StatutoryPenalty(rule: rule, base: principal.total, answerDue: answerDue, asOf: claim.date)
        }
        price = try ClaimPrice(jurisdiction: claim.jurisdiction, principal: principal, penalty: penalty)
        fee = CourtFee(jurisdiction: claim.jurisdiction, claimPrice: price.total, schedule: law.courtFeeSchedule(jurisdiction: claim.jurisdiction))
        court = CourtChoice(jurisdiction: claim.jurisdiction, claimPrice: price.total, rule: law.courtRule(jurisdiction: claim.jurisdiction))
    }

    /// Every row, in the order the statement prints them.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        price.rows(wording) + fee.rows(wording) + court.rows(wording)
    }
}

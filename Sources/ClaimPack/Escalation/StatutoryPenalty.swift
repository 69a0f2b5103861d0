/// The statutory penalty (or interest) from the day after the answer was due to an as-of
/// date, computed exactly.
///
/// Days: the first day is the day after `answerDue` (the due date is the last day the
/// company may answer, ГК РФ ст. 191); the as-of day counts. So `days = asOf − answerDue`,
/// and none when `asOf` is on or before the due date.
/// Money: `base × rate × days` (÷ days in the year for a yearly rate) is computed in whole
/// numbers and rounded once, at the end, to a kopeck or penny, half up; then the cap applies.
public struct StatutoryPenalty: Sendable, Hashable {
    public let rule: PenaltyRule
    /// The price the rate applies to: the service's or the goods' price (usually the
    /// principal).
    public let base: Money
    /// The last day the answer was due.
    public let answerDue: CalendarDate
    /// The last day counted.
    public let asOf: CalendarDate
    /// Days counted, zero or more.
    public let days: Int
    /// The penalty before the cap.
    public let uncapped: Money
    /// The penalty claimed: `uncapped`, or the cap when it bites.
    public let amount: Money

    /// The first day counted, or `nil` when no day is.
    public var firstDay: CalendarDate? { days > 0 ? answerDue.adding(days: 1) : nil }

    /// The cap, when the rule has one.
    public var cap: Money? {
        rule.capPercent.flatMap { base.scaled(by: $0, over: 100) }
    }

    /// Whether the cap reduced the penalty.
    public var isCapped: Bool { amount < uncapped }

    /// - Throws: `EscalationError.overflow` when the product does not fit.
    public init(rule: PenaltyRule, base: Money, answerDue: CalendarDate, asOf: CalendarDate) throws(EscalationError) {
        self.rule = rule
        self.base = base
        self.answerDue = answerDue
        self.asOf = asOf
        days = max(0, asOf.daysSinceEpoch - answerDue.daysSinceEpoch)
        let units: Int? = switch rule.rate {
        case .perDay(let basisPoints):
            ExactRatio.roundedHalfUp(base.units, times: basisPoints, days, over: 10_000)
        case .perYear(let basisPoints, let daysInYear):
            ExactRatio.roundedHalfUp(base.units, times: basisPoints, days, over: 10_000 * daysInYear)
        }
        guard let units else { throw .overflow }
        uncapped = Money(units: units, currency: base.currency)
        if let percent = rule.capPercent {
            guard let cap = base.scaled(by: percent, over: 100) else { throw .overflow }
            amount = Money.min(uncapped, cap)
        } else {
            amount = uncapped
        }
    }

    /// The period, the penalty with its formula, and the cap when it bites.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        var rows = [CalculationRow(key: .penaltyPeriod, label: wording.penaltyPeriod,
                                   formula: wording.period(from: firstDay, to: asOf, days: days), amount: nil, inClaimPrice: false)]
        // No day of delay: the period row says why, and there is no sum of 0,00 to print.
        guard days > 0 else { return rows }
        let rateText: String = switch rule.rate {
        case .perDay(let basisPoints): wording.percentPerDay(basisPoints)
        case .perYear(let basisPoints, let daysInYear): wording.percentPerYear(basisPoints, daysInYear: daysInYear)
        }
        var product = "\(wording.number(base)) × \(rateText) × \(days) = \(wording.number(uncapped))"
        if case .perYear(let basisPoints, let daysInYear) = rule.rate,
           let daily = base.scaled(by: basisPoints, over: 10_000 * daysInYear) {
            // CPR 16.4(2) asks for the daily rate; it is shown rounded, the total uses the exact one.
            product += wording.dailyRate(daily)
        }
        rows.append(CalculationRow(key: .penalty, label: wording.penalty(law: rule.law, confirmed: rule.confirmed),
                                   formula: product, amount: isCapped ? nil : amount, inClaimPrice: !isCapped))
        if isCapped, let cap, let percent = rule.capPercent {
            rows.append(CalculationRow(key: .penaltyCap, label: wording.penaltyCap,
                                       formula: wording.capFormula(uncapped: uncapped, base: base, percent: percent, cap: cap),
                                       amount: amount))
        }
        return rows
    }
}

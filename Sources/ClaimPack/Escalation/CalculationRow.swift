/// One line of a computation a judge can check by hand: what it is, how it was computed,
/// and the amount, in the claim's language.
public struct CalculationRow: Sendable, Hashable {
    /// What a row stands for, independent of the language (for printing and tests).
    public enum Key: String, Sendable, Hashable {
        case operation, principal
        case penaltyPeriod, penalty, penaltyCap
        case claimPrice, moralDamages, consumerFine
        case courtFee, feeExemption, court
    }

    public let key: Key
    /// What the row is, for example «Неустойка (ст. 28 п. 5 …)».
    public let label: String
    /// How the amount was computed, with the figures, for example «1 500,00 × 3 % × 41 = 1 845,00»;
    /// empty when the amount is taken as it is.
    public let formula: String
    /// The amount, or `nil` for a row that states a fact or a sum the court decides.
    public let amount: Money?
    /// Whether the amount is part of the claim price (principal and penalty are; moral
    /// damages, the consumer fine and the fee are not).
    public let inClaimPrice: Bool

    public init(key: Key, label: String, formula: String, amount: Money?, inClaimPrice: Bool = true) {
        self.key = key
        self.label = label
        self.formula = formula
        self.amount = amount
        self.inClaimPrice = inClaimPrice
    }
}

/// The principal of a court claim: the sum of the disputed operations, never the others.
public struct ClaimPrincipal: Sendable, Hashable {
    /// One disputed operation and its exact amount.
    public struct Part: Sendable, Hashable {
        public let id: String
        public let amount: Money
    }

    /// The disputed operations, in the claim's order.
    public let parts: [Part]
    /// Their sum.
    public let total: Money

    /// The principal of `operations`.
    ///
    /// - Throws: `EscalationError.noDisputedOperations` when none is disputed,
    ///   `.mixedCurrencies` when the disputed ones are in several currencies,
    ///   `.unrepresentableAmount` for an amount finer than a kopeck, `.overflow`.
    public init(operations: [Operation]) throws(EscalationError) {
        let disputed = operations.filter(\.disputed)
        guard let first = disputed.first else { throw .noDisputedOperations }
        let currencies = Set(disputed.map(\.currency.code))
        guard currencies.count == 1 else { throw .mixedCurrencies(currencies.sorted()) }
        var parts: [Part] = []
        var total = Money.zero(first.currency)
        for operation in disputed {
            guard let amount = Money(operation.amount, currency: operation.currency) else {
                throw .unrepresentableAmount(operation: operation.id)
            }
            guard let sum = total.adding(amount) else { throw .overflow }
            parts.append(Part(id: operation.id, amount: amount))
            total = sum
        }
        self.parts = parts
        self.total = total
    }

    /// One row per disputed operation, then the total.
    public func rows(_ wording: CalculationWording) -> [CalculationRow] {
        let items = parts.map { part in
            CalculationRow(key: .operation, label: wording.operation(part.id), formula: "", amount: part.amount)
        }
        let formula = parts.count > 1 ? parts.map { wording.number($0.amount) }.joined(separator: " + ") : ""
        return items + [CalculationRow(key: .principal, label: wording.principal, formula: formula, amount: total)]
    }
}

/// Why a court-money computation or the authorities file cannot be used.
public enum EscalationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No operation is marked `disputed`, so there is no principal to claim.
    case noDisputedOperations
    /// The disputed operations are in more than one currency; the codes found, sorted.
    case mixedCurrencies([String])
    /// An operation's amount has more than two fraction digits; its id.
    case unrepresentableAmount(operation: String)
    /// A sum does not fit in a 64-bit count of minor units.
    case overflow
    /// Two amounts of different currencies were combined.
    case currencyMismatch(String, String)
    /// `authorities.yaml` is missing, does not parse, or a row lacks a field.
    case badAuthorities(path: String, reason: String)

    public var description: String {
        switch self {
        case .noDisputedOperations:
            "no operation is disputed: mark at least one operation `disputed: true` (the default)"
        case .mixedCurrencies(let codes):
            "the disputed operations are in several currencies (\(codes.joined(separator: ", "))); a claim price is in one currency: mark the others `disputed: false` or convert them in a separate demand"
        case .unrepresentableAmount(let id):
            "operation \(id): an amount with more than two fraction digits cannot be claimed in kopecks or pence"
        case .overflow:
            "a sum is too large to compute exactly"
        case .currencyMismatch(let a, let b):
            "cannot combine \(a) with \(b)"
        case .badAuthorities(let path, let reason):
            "\(path): \(reason)"
        }
    }
}

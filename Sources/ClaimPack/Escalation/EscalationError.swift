/// Why a court-money computation or the authorities file cannot be used.
public enum EscalationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No operation is marked `disputed`, so there is no principal to claim.
    case noDisputedOperations
    /// `escalate --to court`: the earlier claim (its id) lists no operations at all.
    case noOperations(claim: String)
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
    /// `escalate`: the earlier claim's answer period has not run out and no answer is
    /// recorded (the reason says which and what to do); `--anyway` overrides it.
    case early(String)
    /// `escalate`: the folder to write exists already.
    case folderExists(path: String)
    /// `escalate`: the folder cannot be written (the reason says why).
    case cannotWrite(path: String, reason: String)
    /// `escalate --authority KEY`: no such key in the authorities file; the keys it has.
    case unknownAuthority(key: String, known: [String])

    public var description: String {
        switch self {
        case .noDisputedOperations:
            "no operation is disputed: mark at least one operation `disputed: true` (the default)"
        case .noOperations(let claim):
            "\(claim) lists no operations, so a statement of claim has no amount to claim and nothing was drafted: escalate --to complaint instead, or start the court claim with 'claimpack init' and list the disputed operations under operations:"
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
        case .early(let reason):
            "\(reason); or give --anyway to draft the next step now"
        case .folderExists(let path):
            "\(path) already exists; escalate never writes over a folder: give another -o, or move it away"
        case .cannotWrite(let path, let reason):
            "\(path): cannot be written (\(reason)); nothing was left behind — choose another -o"
        case .unknownAuthority(let key, let known):
            "--authority \(key): no such authority; 'claimpack escalate --list-authorities' lists them (\(known.joined(separator: ", ")))"
        }
    }
}

/// Why `deliver` recorded nothing. The bundle is left as it was.
public enum DeliveryError: Error, Sendable, CustomStringConvertible {
    /// The bundle cannot be used (missing, or does not verify).
    case bundle(BundleError)
    /// The event cannot follow the events already recorded.
    case outOfOrder(String)
    /// The date is before the claim's date, before the last event, or after today.
    case badDate(String)
    /// The tracking number is wrong.
    case tracking(TrackingNumber.Problem)
    /// A proof file cannot be read or is too large.
    case proof(path: String, reason: String)
    /// Writing the new bundle failed.
    case write(BuildError)
    /// A free text of the request (`--note`, `--tracking`) holds what a delivery record
    /// cannot (`DeliveryRequest.textProblem`).
    case text(String)

    public var description: String {
        switch self {
        case .bundle(let error): error.description
        case .outOfOrder(let message), .badDate(let message): message
        case .tracking(let problem): problem.description
        case .proof(let path, let reason): "\(path): \(reason)"
        case .write(let error): error.description
        case .text(let message): message
        }
    }

    /// The exit status of DESIGN.md §6.
    public var exitStatus: Int32 {
        switch self {
        case .bundle(.cannotRead), .proof: 66
        case .bundle, .outOfOrder, .badDate, .tracking: 1
        case .write(let error): error.exitStatus
        case .text: 64
        }
    }
}

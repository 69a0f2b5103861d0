/// Why `timestamp` stored no token. The bundle is left as it was.
public enum TimestampingError: Error, Sendable, CustomStringConvertible {
    /// The bundle cannot be used (missing, or does not verify).
    case bundle(BundleError)
    /// The token does not prove this bundle's seal (another seal, a bad signature, not a
    /// time-stamping certificate, a refusal, not a time-stamp response at all).
    case refused(String)
    /// The authority cannot be reached or answered something else than a time stamp.
    case authority(String)
    /// A file given (`--response`) cannot be read.
    case input(path: String, reason: String)
    /// The request file (`--request`) cannot be written.
    case output(path: String, reason: String)
    /// The record cannot take the event.
    case record(DeliveryError)
    /// Writing the new bundle failed.
    case write(BuildError)

    public var description: String {
        switch self {
        case .bundle(let error): error.description
        case .refused(let message), .authority(let message): message
        case .input(let path, let reason), .output(let path, let reason): "\(path): \(reason)"
        case .record(let error): error.description
        case .write(let error): error.description
        }
    }

    /// The exit status of DESIGN.md §9; 69 (EX_UNAVAILABLE) for an authority that cannot
    /// be used.
    public var exitStatus: Int32 {
        switch self {
        case .bundle(.cannotRead), .input: 66
        case .bundle, .refused: 1
        case .authority: 69
        case .output: 73
        case .record(let error): error.exitStatus
        case .write(let error): error.exitStatus
        }
    }
}

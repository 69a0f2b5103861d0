internal import Foundation

/// Why `extract` wrote nothing. Whatever it had written is removed.
public enum ExtractionError: Error, Sendable, CustomStringConvertible {
    /// The bundle does not exist or cannot be read at all (exit 66).
    case cannotRead(String)
    /// The bundle does not verify, and `--force` was not given (exit 1).
    case notIntact(VerificationReport)
    /// The target folder exists already (exit 73).
    case targetExists(path: String)
    /// The target folder cannot be created or completed (exit 73).
    case cannotCreate(path: String, reason: String)
    /// An entry could not be extracted as verified: it changed, is damaged, or its name
    /// collides with another (exit 1).
    case entryFailed(entry: String, reason: String)
    /// Writing failed (exit 74).
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let message): message
        case .notIntact(let report):
            "\(report.bundle.path) does not verify (\(report.findings.count { $0.severity == .error }) errors); nothing was extracted; ask the sender for the original bundle, or give --force to extract what can be extracted safely"
        case .targetExists(let path): "\(path) exists already; extract only writes into a new folder: give a name that does not exist"
        case .cannotCreate(let path, let reason): "\(path): cannot create the folder (\(reason)); give a folder whose parent exists and is writable"
        case .entryFailed(let entry, let reason): "\(entry): \(reason); nothing was extracted"
        case .writeFailed(let path, let reason): "\(path): cannot write (\(reason)); nothing was extracted; check the free space and permissions"
        }
    }

    /// The exit status of DESIGN.md §9.
    public var exitStatus: Int32 {
        switch self {
        case .cannotRead: 66
        case .notIntact, .entryFailed: 1
        case .targetExists, .cannotCreate: 73
        case .writeFailed: 74
        }
    }
}

/// Why `build` wrote no bundle. Each case names the file concerned and says what to do;
/// `exitStatus` is its sysexits code.
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The claim folder has errors; they are in the report's diagnostics.
    case claimHasErrors(count: Int)
    /// The output file exists and `--force` was not given.
    case outputExists(path: String)
    /// The output's folder does not exist or is not a folder.
    case outputFolderMissing(path: String)
    /// The output cannot be created there (permissions, read-only disk).
    case cannotCreateOutput(path: String, reason: String)
    /// Writing the bundle failed (disk full, I/O error).
    case writeFailed(path: String, reason: String)
    /// An evidence file could not be opened or read.
    case evidenceUnreadable(path: String, reason: String)
    /// An evidence file changed size while it was being bundled.
    case evidenceChanged(path: String, expected: UInt64, actual: UInt64)
    /// An evidence file was replaced after the folder was listed (by another file, a link,
    /// a pipe…); nothing of it was read.
    case evidenceReplaced(path: String, reason: String)
    /// A generated document did not validate against its schema: a claimpack bug.
    case invalidDocument(name: String, problems: [String])
    /// The schemas could not be read.
    case schemaUnavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .claimHasErrors(let count):
            "the claim folder has \(count) error\(count == 1 ? "" : "s"); fix them (see 'claimpack check') and build again"
        case .outputExists(let path):
            "\(path) already exists; give another -o, or --force to replace it"
        case .outputFolderMissing(let path):
            "\(path): the output folder does not exist; create it or give another -o"
        case .cannotCreateOutput(let path, let reason):
            "\(path): cannot be created (\(reason)); choose another -o"
        case .writeFailed(let path, let reason):
            "\(path): writing the bundle failed (\(reason)); nothing was written — free some space or choose another -o"
        case .evidenceUnreadable(let path, let reason):
            "\(path): cannot be read (\(reason)); check the file's permissions"
        case .evidenceChanged(let path, let expected, let actual):
            "\(path): changed while it was being bundled (\(expected) bytes listed, \(actual) read); close the program writing it and build again"
        case .evidenceReplaced(let path, let reason):
            "\(path): changed after the claim folder was listed (\(reason)), so it was not read; leave the folder unchanged while build runs, and build again"
        case .invalidDocument(let name, let problems):
            "\(name) would not be valid against its schema (\(problems.joined(separator: "; "))); this is a claimpack bug, please report it"
        case .schemaUnavailable(let path, let reason):
            "\(path): \(reason)"
        }
    }

    /// The exit status of DESIGN.md §6 for this error.
    public var exitStatus: Int32 {
        switch self {
        case .claimHasErrors, .invalidDocument: 1
        case .evidenceUnreadable: 66
        case .outputExists, .outputFolderMissing, .cannotCreateOutput: 73
        case .writeFailed, .evidenceChanged, .evidenceReplaced: 74
        case .schemaUnavailable: 78
        }
    }
}

/// Why `build` wrote no bundle. Each case names the file concerned and says what to do;
/// `exitStatus` is its sysexits code.
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The claim folder has errors; they are in the report's diagnostics.
    case claimHasErrors(count: Int)
    /// The output file exists and `--force` was not given.
    case outputExists(path: String)
    /// The output would destroy or change a file of the user's (`OutputDestination`); the
    /// text names the path and says what to do.
    case outputRefused(String)
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
    /// The bundle to rewrite does not exist or cannot be opened.
    case cannotRead(path: String, reason: String)
    /// The bundle to rewrite has no write permission; refused before any work.
    case readOnly(path: String)
    /// Another claimpack run is rewriting the same bundle.
    case busy(path: String)
    /// The bundle changed (without claimpack's lock) while it was read and rewritten.
    case changedMeanwhile(path: String)
    /// `build --force` would replace a bundle whose delivery record holds events after
    /// `prepared`, which the new bundle cannot carry (`why`); `events` describes them.
    case deliveryRecordInTheWay(path: String, events: [String], why: String)
    /// The bundle would cross one of `BundleLimits` (entries, sizes, name lengths) that
    /// `verify` holds every bundle to; the text names the limit and the file.
    case exceedsLimit(String)
    /// The bundle `follows.bundle` names is not a claimpack bundle that verifies with the
    /// cited seal (`reason` says which and what to do).
    case earlierBundle(path: String, reason: String)

    public var description: String {
        switch self {
        case .claimHasErrors(let count):
            "the claim folder has \(Plural.english(count, "error")); fix them (see 'claimpack check') and build again"
        case .outputExists(let path):
            "\(path) already exists; give another -o, or --force to replace it"
        case .outputRefused(let reason):
            "\(reason); nothing was written"
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
        case .cannotRead(let path, let reason):
            "\(path): cannot be read (\(reason)); give the path of a bundle (.zip)"
        case .readOnly(let path):
            "\(path): the bundle is read-only; make it writable to record an event (chmod u+w)"
        case .busy(let path):
            "\(path): another claimpack is recording an event in this bundle or rebuilding it; try again when it is done"
        case .changedMeanwhile(let path):
            "\(path): the bundle changed while claimpack was rewriting it (another program wrote it); nothing was recorded, try again"
        case .deliveryRecordInTheWay(let path, let events, let why):
            "\(path): " + (events.isEmpty ? "its delivery record cannot be read, so it may hold events after prepared (sent, delivered…)" : "its delivery record holds events after prepared — \(events.joined(separator: "; ")) —") + " and \(why). Nothing was written. The old bundle is the proof of what was sent: move it away (or build with another -o), or give --discard-delivery to replace it and lose its record"
        case .exceedsLimit(let reason):
            "\(reason); nothing was written"
        case .earlierBundle(let path, let reason):
            "claim.yaml: follows.bundle: \(path): \(reason); nothing was written"
        }
    }

    /// The exit status of DESIGN.md §6 for this error.
    public var exitStatus: Int32 {
        switch self {
        case .claimHasErrors, .invalidDocument, .exceedsLimit, .earlierBundle: 1
        case .evidenceUnreadable: 66
        case .outputExists, .outputRefused, .outputFolderMissing, .cannotCreateOutput, .readOnly, .deliveryRecordInTheWay: 73
        case .writeFailed, .evidenceChanged, .evidenceReplaced: 74
        case .cannotRead: 66
        case .busy, .changedMeanwhile: 75
        case .schemaUnavailable: 78
        }
    }
}

/// Why a claim folder could not be read at all. Problems inside a readable folder are
/// diagnostics instead; these mean there is nothing to check.
public enum ClaimFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist.
    case folderNotFound(path: String)
    /// The path exists but is not a folder.
    case notAFolder(path: String)
    /// The folder has no `claim.yaml`.
    case claimFileMissing(path: String)
    /// `claim.yaml` exists but cannot be read.
    case claimFileUnreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderNotFound(let path):
            "\(path): no such folder; give the path of a claim folder (one with claim.yaml), or create one with: claimpack init \(ShellWord.quoted(path))"
        case .notAFolder(let path):
            "\(path): not a folder; give the path of a claim folder (one with claim.yaml)"
        case .claimFileMissing(let path):
            "\(path): no claim.yaml in this folder; create one with 'claimpack init' or check the path"
        case .claimFileUnreadable(let path, let reason):
            "\(path): cannot be read (\(reason)); check its permissions"
        }
    }
}

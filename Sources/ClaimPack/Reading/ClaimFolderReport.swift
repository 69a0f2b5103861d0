public import Foundation

/// What reading a claim folder found: the claim when it is complete and free of errors,
/// every diagnostic, sorted, and the evidence files to bundle.
public struct ClaimFolderReport: Sendable {
    /// The folder that was read.
    public let folder: URL
    /// The claim, or `nil` when any diagnostic is an error.
    public let claim: Claim?
    /// Every diagnostic, sorted by file, line and column.
    public let diagnostics: [Diagnostic]
    /// The regular files under `evidence/`, sorted by NFC path.
    public let evidenceFiles: [EvidenceFile]

    /// Whether the folder can be built into a bundle.
    public var isBuildable: Bool { claim != nil && !diagnostics.containsErrors }
}

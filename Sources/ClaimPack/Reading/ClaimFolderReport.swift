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

    /// The same report with its errors only: for a command that has shown the warnings
    /// and notes and goes on to build, so that they are not held meanwhile (a folder of
    /// 20,000 files claim.yaml does not describe has 20,000 warnings, 1.9 MB).
    public func keepingErrorsOnly() -> ClaimFolderReport {
        ClaimFolderReport(folder: folder, claim: claim, diagnostics: diagnostics.filter { $0.severity == .error },
                          evidenceFiles: evidenceFiles)
    }
}

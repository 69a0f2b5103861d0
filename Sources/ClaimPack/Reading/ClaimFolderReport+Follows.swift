public import Foundation

extension ClaimFolderReport {
    /// The report with what `build` would say of the claim's `follows:` bundle added as an
    /// error (C038): it must verify, be a claimpack bundle and have the cited seal, checked
    /// by the same `FollowedBundleCheck`. Unchanged when the claim follows nothing or
    /// already has errors.
    public func checkingFollowedBundle(schemas: URL) -> ClaimFolderReport {
        guard let claim, isBuildable, claim.follows != nil else { return self }
        do {
            _ = try FollowedBundleCheck.resolve(claim, folder: folder, files: evidenceFiles, schemas: schemas)
            return self
        } catch {
            let message = switch error {
            case .earlierBundle(let path, let reason): "follows.bundle: \(path): \(reason)"
            default: "follows.bundle: \(error.description)"
            }
            let refused = Diagnostic(.error, .earlierBundleRefused, at: SourceLocation(file: "claim.yaml"), message)
            return ClaimFolderReport(folder: folder, claim: nil, diagnostics: (diagnostics + [refused]).sorted(),
                                     evidenceFiles: evidenceFiles)
        }
    }
}

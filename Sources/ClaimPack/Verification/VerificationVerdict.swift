/// What `verify` concludes about a bundle (exit status 0, 2, 2, 1).
public enum VerificationVerdict: String, Sendable, Hashable, Codable {
    /// Everything holds, the container in claimpack's canonical form.
    case intact
    /// Every content check holds, but another tool re-packed the ZIP (V130).
    case repacked = "content-intact-repacked"
    /// Every content check holds in an extracted folder: there is no container to judge.
    case extractedFolder = "content-intact-folder"
    /// At least one error.
    case notIntact = "not-intact"
}

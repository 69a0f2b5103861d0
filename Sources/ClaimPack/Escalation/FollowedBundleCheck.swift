internal import Foundation

/// What `build` checks of `follows:` before it writes anything: the file is a claimpack
/// bundle that verifies, and its seal is the one cited.
enum FollowedBundleCheck {
    /// `claim` with its `follows` completed by the earlier bundle's id, or unchanged when it
    /// follows nothing.
    ///
    /// - Throws: `BuildError.earlierBundle` naming the file and saying what to do.
    static func resolve(_ claim: Claim, folder: URL, files: [EvidenceFile], schemas: URL) throws(BuildError) -> Claim {
        guard var follows = claim.follows else { return claim }
        let diskPath = files.first { $0.path == follows.bundle }?.diskPath ?? follows.bundle
        let file = folder.appendingPathComponent(diskPath)
        let report: VerificationReport
        // The bundle being built is the first level of the chain: the followed one is
        // checked one deeper, so build never writes a chain its own verify refuses (V603).
        var verifier = BundleVerifier(schemas: schemas)
        verifier.depth = 1
        do {
            report = try verifier.verify(file)
        } catch {
            throw .earlierBundle(path: follows.bundle, reason: "\(error.description)")
        }
        guard let seal = report.seal, let id = report.bundleID, report.findings.contains(where: { $0.code == .missingManifest }) == false else {
            throw .earlierBundle(path: follows.bundle, reason: "it is not a claimpack bundle (no manifest.xml); put the bundle 'claimpack build' wrote there")
        }
        // The path as the user would type it from where they ran claimpack (t1/evidence/x.zip).
        let shown = userPath(follows.bundle, in: folder)
        guard !report.findings.contains(where: { $0.code == .followsTooDeep }) else {
            throw .earlierBundle(path: follows.bundle, reason: "it already carries \(VerificationRun.maximumFollowsDepth) earlier bundles, nested, the most 'claimpack verify' checks, so a bundle following it would not verify (V603); follow an earlier bundle of its chain instead")
        }
        guard report.isIntact else {
            let errors = report.findings.filter { $0.severity == .error }
            throw .earlierBundle(path: follows.bundle, reason: "it does not verify (\(Plural.english(errors.count, "error")), first: \(errors[0].description)); run: claimpack verify \(shown), and put the intact bundle there")
        }
        guard seal == follows.seal else {
            throw .earlierBundle(path: follows.bundle, reason: "its seal is \(seal.hex), but follows.seal cites \(follows.seal.hex); cite the seal of this bundle, or put the bundle that has the cited seal there")
        }
        follows.id = id
        var resolved = claim
        resolved.follows = follows
        return resolved
    }

    /// `file` (relative to the claim folder) joined to `folder` as the user gave it, so a
    /// hint names it as they would type it from where they ran claimpack, shell-quoted.
    private static func userPath(_ file: String, in folder: URL) -> String {
        var path = folder.appendingPathComponent(file).relativePath
        if path.hasPrefix("./") { path.removeFirst(2) }
        return ShellWord.quoted(path)
    }
}

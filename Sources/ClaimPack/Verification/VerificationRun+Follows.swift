internal import Foundation

extension VerificationRun {
    /// How many earlier bundles one bundle may carry, nested: a claim, a complaint, a
    /// statement of claim and an appeal fit with room to spare. Past it the chain is refused
    /// (V603), so a chain of bundles cannot be a bomb.
    static let maximumFollowsDepth = 4

    /// `<follows>`: the earlier bundle this one carries is verified with the same rules and
    /// limits (and the same `trust` for its time-stamp tokens), its findings and tokens
    /// reported under its entry (`<id>/data/evidence/x.zip!/…`), and its seal and id must
    /// be the cited ones.
    ///
    /// The carried bundle is streamed to a folder only this user can enter (`mkdtemp`),
    /// verified there and removed: the ZIP reader needs a file, and a carried bundle may
    /// be as large as the outer one's limit, too large to hold in memory.
    func checkFollows() {
        guard let followed else { return }
        let path = BundleLayout.payloadPath(for: followed.bundle)
        let name = entryName(path)
        guard let file = files[path] else {
            if !presentEntries.contains(path) {
                add(Finding(.followsMissing, entry: name, "manifest.xml cites the earlier bundle \(followed.id ?? "") here, but the \(container) does not hold it; the chain cannot be checked"))
            } else {
                add(Finding(.followsMissing, entry: name, "the earlier bundle could not be read (see the finding above); the chain cannot be checked"))
            }
            return
        }
        guard depth < VerificationRun.maximumFollowsDepth else {
            add(Finding(.followsTooDeep, entry: name, "a bundle carried \(depth + 1) deep; claimpack checks chains of at most \(VerificationRun.maximumFollowsDepth) earlier bundles and refuses deeper ones (a chain that deep is not a claim's story, it may be a bomb)"))
            return
        }
        var inner: VerificationReport?
        do {
            try ArchivedEntryCopy.withPrivateFolder { (folder: URL) throws(ArchivedEntryCopy.Failure) in
                let copy = folder.appendingPathComponent("carried.zip")
                try copyOut(path, entry: name, to: copy, maximumBytes: file.size)
                var verifier = BundleVerifier(schemas: schemas, limits: limits, today: today)
                verifier.depth = depth + 1
                verifier.trust = trust  // its tokens lead to the same roots, or warn as the outer ones do
                inner = try? verifier.verify(copy)
            }
        } catch {
            add(Finding(.followsUnchecked, entry: name, "the earlier bundle could not be checked: \(error.reason)"))
            return
        }
        guard let inner else {
            add(Finding(.followsUnchecked, entry: name, "the earlier bundle could not be opened for checking"))
            return
        }
        for finding in inner.findings {
            add(Finding(finding.code, entry: "\(name)!/" + (finding.entry ?? ""), finding.message, severity: finding.severity))
        }
        // Its good tokens are reported too, named inside it: data/evidence/x.zip!/data/timestamps/….
        timestamps += inner.timestamps.map {
            VerifiedTimestamp(path: "\(path)!/\($0.path)", time: $0.time, authority: $0.authority, serial: $0.serial,
                              subject: $0.subject, anchoredEvents: $0.anchoredEvents, trusted: $0.trusted)
        }
        if let seal = inner.seal, seal != followed.seal {
            add(Finding(.followsSealMismatch, entry: name, "the earlier bundle's seal is \(seal.grouped), but manifest.xml cites \(followed.seal.grouped): this is not the bundle the claim was built on"))
        } else if inner.seal == nil {
            add(Finding(.followsSealMismatch, entry: name, "the earlier bundle has no manifest.xml, so its seal cannot be \(followed.seal.grouped)"))
        }
        if let id = followed.id, let found = inner.bundleID, found != id {
            add(Finding(.followsIDMismatch, entry: name, "the earlier bundle's id is \(found), but manifest.xml cites \(id)"))
        }
    }
}

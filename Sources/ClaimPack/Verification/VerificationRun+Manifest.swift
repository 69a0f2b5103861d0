internal import Foundation
internal import XMLKit
internal import ZipKit

extension VerificationRun {
    /// The schemas the bundle carries, each byte for byte the one in `schemas` (verify
    /// validates with its own, but a recipient may validate with the carried ones). A
    /// bundle built before they were carried has none: nothing to say.
    func checkCarriedSchemas() {
        for name in BundleLayout.schemaFiles {
            guard let carried = files[name] else { continue }
            guard let known = FileManager.default.contents(atPath: schemas.appendingPathComponent(name).path) else {
                add(Finding(.schemaChanged, entry: entryName(name), "cannot be compared: this claimpack's \(name) cannot be read"))
                continue
            }
            if carried.sha256 != SHA256Digest(of: Array(known)) {
                add(Finding(.schemaChanged, entry: entryName(name), "not the \(name) this claimpack knows (SHA-256 \(carried.sha256.hex)); do not validate with it"))
            }
        }
    }

    /// `manifest.xml`: hardened parse, schema, and every evidence file against it.
    func checkManifest() {
        seal = sealFromManifestBytes()
        guard let element = parseAndValidate(BundleLayout.manifest, missing: .missingManifest) else {
            return
        }
        claimDate = element.attributes["date"].flatMap(CalendarDate.init(iso:))
        followed = preparation.map { $0.followedBundle() } ?? ManifestDocument.follows(in: element)
        if let date = claimDate, let layout {
            let expected = BundleLayout.entryTimestamp(for: date).date
            if layout.entries.contains(where: { $0.central.date != expected }) {
                add(Finding(.nonCanonical, entry: entryName(BundleLayout.manifest), "the entries are not dated \(date), the claim's date, as claimpack dates them"))
            }
        }
        if let id = element.attributes["id"], let root, id != root {
            add(Finding(.idMismatch, entry: entryName(BundleLayout.manifest), "the claim's id is \(id), but the bundle's folder is \(root)"))
        }
        var listed = Set<String>()
        for file in preparation?.evidenceListing() ?? ManifestDocument.listedFiles(in: element) {
            listed.insert(file.path)
            guard let found = files[file.path] else {
                if !presentEntries.contains(file.path) {
                    add(Finding(.evidenceMissing, entry: entryName(file.path), "listed in manifest.xml but not in the \(container)"))
                }
                continue
            }
            if let size = file.size, size != found.size {
                add(Finding(.evidenceSizeMismatch, entry: entryName(file.path), "is \(found.size) bytes, manifest.xml says \(size)"))
            }
            if let digest = file.sha256, digest != found.sha256 {
                add(Finding(.evidenceDigestMismatch, entry: entryName(file.path), "SHA-256 is \(found.sha256.hex), manifest.xml says \(digest.hex)"))
            }
        }
        let strays = presentEntries(where: {
            BundleLayout.isPayload($0) && ($0.hasPrefix(BundleLayout.evidenceFolder) ? !listed.contains($0)
                : !$0.hasPrefix(BundleLayout.deliveryFolder) && !$0.hasPrefix(BundleLayout.timestampFolder))
        })
        for path in strays {
            if path.hasPrefix(BundleLayout.evidenceFolder) {
                add(Finding(.evidenceUnlisted, entry: entryName(path), "under \(BundleLayout.evidenceFolder) but not listed in \(BundleLayout.manifest)"))
            } else {
                // Payload a later claimpack may add (data/timestamps/…): a warning, so that
                // this version still records events in such a bundle, keeping the file.
                add(Finding(.unexpectedPayload, entry: entryName(path), "outside \(BundleLayout.evidenceFolder), \(BundleLayout.deliveryFolder) and \(BundleLayout.timestampFolder): not part of the claim this version of claimpack knows (its SHA-256 is checked by manifest-sha256.txt only)", severity: .warning))
            }
        }
    }

    /// Parses a tag document the hardened way and validates it against its schema
    /// (`TagFileChecks.documentSchemas`); its root when valid.
    func parseAndValidate(_ name: String, missing: FindingCode) -> XMLElement? {
        guard let bytes = tagBytes[name], let schemaName = TagFileChecks.documentSchemas[name] else {
            if !presentEntries.contains(name) { add(Finding(missing, entry: entryName(name), "missing")) }
            return nil
        }
        let checked = preparation?.document(name)
            ?? TagFileChecks.checkDocument(bytes, name: name, entry: entryName(name), schemaName: schemaName, schemas: schemas, limits: limits)
        checked.findings.forEach(add)
        return checked.root
    }

    /// `--seal`: the seal typed from the paper letter must be this bundle's.
    func checkSeal(expected: SHA256Digest?) {
        guard let expected else { return }
        guard let seal else {
            add(Finding(.sealMismatch, "the bundle has no manifest.xml, so its seal cannot be \(expected.grouped)"))
            return
        }
        if seal != expected {
            add(Finding(.sealMismatch, entry: entryName(BundleLayout.manifest), "the seal is \(seal.grouped), not \(expected.grouped) as given: this is not the claim that was sent"))
        }
    }
}

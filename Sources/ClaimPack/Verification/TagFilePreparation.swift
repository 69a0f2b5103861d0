internal import Dispatch
internal import Foundation
internal import XMLKit

/// `TagFileChecks` run on a background queue: started once the tag files are read, while
/// the payload is read and hashed; the results are awaited when the layers need them.
///
/// `@unchecked Sendable`: every stored result is written only by blocks on `queue` and
/// read only through `queue.sync`, so the serial queue orders every access.
final class TagFilePreparation: @unchecked Sendable {
    // `documents` and `manifests` are written only on `queue` and read through `queue.sync`.
    private let queue = DispatchQueue(label: "claimpack.tag-files")
    private var documents: [String: TagFileChecks.CheckedDocument] = [:]
    private var manifests: [String: [TagFileChecks.ManifestLine]] = [:]
    private var events: TagFileChecks.EventDigests?
    private var listing: [ManifestDocument.ListedFile]?
    private var followed: Follows?

    /// Starts the checks of the tag files in `tagBytes` (by name inside the bundle's
    /// folder); `entryName` gives a name's entry in the archive. `payloadCount`, the files
    /// found under `data/`, is the room made at once for the payload's manifest lines and
    /// listed files (grown by doubling, they left freed blocks of 1–4 MB behind them);
    /// their paths are held as the strings of `knownPaths`, the entries found (by name
    /// relative to the root folder), when they are there (`TagFileChecks.shared(_:in:)`).
    init(tagBytes: [String: [UInt8]], entryName: (String) -> String, schemas: URL, limits: VerificationLimits,
         payloadCount: Int = 0, knownPaths: Set<String> = []) {
        for name in [BundleLayout.payloadManifest, BundleLayout.tagManifest] {
            guard let bytes = tagBytes[name] else { continue }
            let entry = entryName(name)
            let expected = name == BundleLayout.payloadManifest ? payloadCount : 0
            queue.async { self.manifests[name] = TagFileChecks.manifestLines(bytes, entry: entry, expectedLines: expected, known: knownPaths) }
        }
        for (name, schemaName) in TagFileChecks.documentSchemas {
            guard let bytes = tagBytes[name] else { continue }
            let entry = entryName(name)
            queue.async {
                // The listing is all that is read of the evidence elements: each `<file>`
                // (depth 3) is turned into its listed file as it closes and left out of
                // the tree, which a manifest of many files would make large (64,000 files:
                // 54 MB at the peak of a verify).
                var taken: [ManifestDocument.ListedFile] = []
                if name == BundleLayout.manifest { taken.reserveCapacity(payloadCount) }
                let take: ((XMLElement, Int) -> Bool)? = name == BundleLayout.manifest ? { element, depth in
                    guard depth == 3, let file = ManifestDocument.listedFile(element, known: knownPaths) else { return false }
                    taken.append(file)
                    return true
                } : nil
                let checked = TagFileChecks.checkDocument(bytes, name: name, entry: entry, schemaName: schemaName,
                                                          schemas: schemas, limits: limits, take: take)
                if name == BundleLayout.manifest, let root = checked.root {
                    self.listing = taken
                    self.followed = ManifestDocument.follows(in: root)
                    self.documents[name] = TagFileChecks.CheckedDocument(root: root.withoutChildren, findings: checked.findings)
                } else {
                    self.documents[name] = checked
                }
            }
        }
        if let bytes = tagBytes[BundleLayout.deliveryRecord] {
            let entry = entryName(BundleLayout.deliveryRecord)
            queue.async { self.events = TagFileChecks.eventDigests(bytes, entry: entry) }
        }
    }

    /// The digests of the delivery record's events, waiting for them; `nil` when it was
    /// not read.
    func eventDigests() -> TagFileChecks.EventDigests? {
        queue.sync { events }
    }

    /// The files a valid `manifest.xml` lists, waiting for them; `nil` when it was not
    /// read or is not valid.
    func evidenceListing() -> [ManifestDocument.ListedFile]? {
        queue.sync { listing }
    }

    /// The earlier bundle a valid `manifest.xml` cites (`<follows>`), waiting for it.
    func followedBundle() -> Follows? {
        queue.sync { followed }
    }

    /// The checked document `name`, waiting for it; `nil` when it was not read.
    func document(_ name: String) -> TagFileChecks.CheckedDocument? {
        queue.sync { documents[name] }
    }

    /// The lines of the manifest `name`, waiting for them; `nil` when it was not read.
    func manifest(_ name: String) -> [TagFileChecks.ManifestLine]? {
        queue.sync { manifests[name] }
    }

    /// Frees the documents and lines on the background queue, where nothing waits for it
    /// (a manifest of 5,000 files is some 50,000 small allocations).
    func release() {
        queue.async {
            self.documents = [:]
            self.manifests = [:]
            self.events = nil
            self.listing = nil
        }
    }
}

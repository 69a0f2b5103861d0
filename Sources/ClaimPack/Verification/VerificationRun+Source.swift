internal import Foundation
internal import ZipKit

extension VerificationRun {
    /// What holds the bundle, in a message: "archive", or "folder" for an extracted one.
    var container: String { folder == nil ? "archive" : "folder" }

    /// Reads a file of the bundle again after the first pass (a time-stamp token): given
    /// its path inside the bag and the size read before, its bytes, or `nil` when it
    /// cannot be read to exactly that size. `nil` when neither an archive nor a folder was
    /// read.
    func fileRereader() -> ((_ relative: String, _ size: UInt64) -> [UInt8]?)? {
        if let folder {
            return { relative, size in folder.contents(relative, size: size) }
        }
        guard let layout, let reader = try? ZipArchiveReader(path: bundle.path) else { return nil }
        return { [entryName] relative, size in VerificationRun.readToken(entryName(relative), size: size, layout: layout, reader: reader) }
    }

    /// Copies the file at `relative` (the entry `entry`) out of the bundle to `destination`,
    /// streamed, at most `maximumBytes`: a carried bundle, to verify it in turn.
    func copyOut(_ relative: String, entry: String, to destination: URL, maximumBytes: UInt64) throws(ArchivedEntryCopy.Failure) {
        if let folder {
            try folder.copy(relative, to: destination, maximumBytes: maximumBytes)
        } else {
            try ArchivedEntryCopy.copy(entryNamed: entry, of: bundle, to: destination, maximumBytes: maximumBytes, limits: limits)
        }
    }

    /// What an extracted folder may not hold, that a bundle claimpack wrote may: in a
    /// folder anyone could have added a file and listed it in the BagIt manifests, so as
    /// for a re-packed ZIP (`judgeRepacking`) nothing may be there that neither the seal nor
    /// the delivery record accounts for. Payload outside `data/evidence/`, `data/delivery/`
    /// and `data/timestamps/` (V308, a warning in a ZIP claimpack wrote) is an error here,
    /// and so is a tag file claimpack does not write, even one `tagmanifest-sha256.txt`
    /// lists.
    func judgeFolder() {
        let note = "; in an extracted folder this is an error: anyone could have added the file and listed it in the BagIt manifests, and neither the seal nor the delivery record accounts for it"
        mapFindings(where: { $0.code == .unexpectedPayload && $0.severity == .warning }) {
            Finding($0.code, entry: $0.entry, $0.message + note)
        }
        let unlisted = Set(findings.filter { $0.code == .unlistedTagFile }.compactMap(\.entry))
        for path in presentEntries(where: { !BundleLayout.tagFiles.contains($0) && !BundleLayout.isPayload($0) })
        where !unlisted.contains(entryName(path)) {
            add(Finding(.unexpectedPayload, entry: entryName(path), "a tag file claimpack does not write" + note))
        }
    }
}

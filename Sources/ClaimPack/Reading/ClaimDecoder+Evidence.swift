internal import Foundation
internal import Yams

extension ClaimDecoder {
    /// The evidence entries of `claim.yaml`, each matched to a file on disk, followed by an
    /// entry derived from its name for every file that has none.
    func decodeEvidence(_ document: YAMLMapping) -> (entries: [EvidenceEntry], ids: Set<String>) {
        var entries: [EvidenceEntry] = []
        var seenIDs: [String: Int] = [:]
        var describedFiles: [String: Int] = [:]
        let items = document.value("evidence").flatMap { session.sequence($0, "evidence") } ?? []
        for (index, item) in items.enumerated() {
            let path = "evidence[\(index + 1)]"
            guard let mapping = YAMLMapping(item, path: path, ownerMark: item.position, session: session) else { continue }
            mapping.rejectUnknownKeys(known: ["id", "file", "title", "kind", "captured", "source", "sheets", "enclose"])
            let id = decodeItemID(mapping, seen: &seenIDs, index: index + 1, listName: "evidence")
            let file = mapping.required("file").flatMap { evidenceFile($0, path: "\(path).file", describedFiles: &describedFiles, index: index + 1) }
            var title = mapping.optionalText("title")
            let kind = mapping.value("kind").flatMap { session.word($0, "\(path).kind", as: EvidenceKind.self) }
            let captured = mapping.value("captured").flatMap { session.eventTime($0, "\(path).captured") }
            let source = mapping.optionalText("source")
            let enclose = mapping.value("enclose").flatMap { session.boolean($0, "\(path).enclose") }
            let sheets = mapping.value("sheets").flatMap { session.integer($0, "\(path).sheets", in: 1...9999) }
            if !mapping.contains("title"), let file {
                title = String(file.split(separator: "/").last ?? "")
                session.report(.warning, .missingField, at: item.position,
                               "\(path): no title; the list of attachments will show the file name \"\(title ?? "")\"; add title:")
            }
            guard let id, let file, let title else { continue }
            entries.append(EvidenceEntry(id: id, file: file, title: title, kind: kind ?? MediaType(fileName: file).likelyKind,
                                         captured: captured, source: source, sheets: sheets, enclose: enclose, location: session.location(item.position)))
        }
        var usedIDs = Set(seenIDs.keys)
        var nextSuffix: [String: Int] = [:]
        for file in inventory.files where describedFiles[file.path] == nil {
            let entry = derivedEntry(for: file, usedIDs: &usedIDs, nextSuffix: &nextSuffix)
            entries.append(entry)
            session.append(Diagnostic(undescribedEvidence: SourceLocation(file: file.diskPath),
                                      id: entry.id, kind: entry.kind, title: entry.title))
        }
        return (entries, usedIDs)
    }

    /// The warning for a file `claim.yaml` does not describe, bundled as the entry derived
    /// from its name (made when the warning is read, `Diagnostic.init(undescribedEvidence:…)`).
    static func undescribedMessage(id: String, kind: EvidenceKind, title: String) -> String {
        "no entry in claim.yaml: it goes into the bundle (as id \"\(id)\", kind \(kind.rawValue), title \"\(title)\") but is NOT enclosed with the letter, printed or listed among its attachments; add it under evidence: with a title to enclose it"
    }

    /// Why a path under `evidence/` that exists is not bundled (`EvidenceInventory.refusedPaths`),
    /// and what to do.
    static func whyRefused(_ code: DiagnosticCode) -> String {
        switch code {
        case .symbolicLink: "is a symbolic link, which is never followed; replace it with a copy of the file"
        case .hiddenFileSkipped: "is a hidden file, which is never bundled; rename it without the leading \".\""
        case .unreadableEvidence: "cannot be read; check its permissions"
        default: "is not a regular file"
        }
    }

    /// The NFC path of an entry's file, when it is a plain path under `evidence/` to a file
    /// that exists and has no other entry.
    private func evidenceFile(_ node: Node, path: String, describedFiles: inout [String: Int], index: Int) -> String? {
        guard let written = session.text(node, path) else { return nil }
        let file = written.nfc
        let components = file.split(separator: "/", omittingEmptySubsequences: false)
        if file.hasPrefix("/") || file.contains("\\") || components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
            session.error(.pathOutsideEvidence, at: node.position, "\(path): \"\(written)\" must be a plain relative path such as evidence/receipt.pdf, without \"/\" at the start, \"..\", \".\" or \"\\\\\"")
            return nil
        }
        guard components.count >= 2, components[0] == "evidence" else {
            session.error(.pathOutsideEvidence, at: node.position, "\(path): \"\(written)\" is not under evidence/; move the file into evidence/ and write evidence/\(components.last ?? "")")
            return nil
        }
        if let code = inventory.refusedPaths[file] {
            session.error(code, at: node.position, "\(path): \(written) \(ClaimDecoder.whyRefused(code))")
            return nil
        }
        guard inventory.files.contains(where: { $0.path == file }) else {
            var message = "\(path): \(written) does not exist; check the name or add the file"
            if inventory.files.count <= ClaimDecoder.maximumFilesForSuggestions, session.takeSuggestion(),
               let guess = Suggestion.closest(to: file, among: inventory.files.map(\.path)) {
                message = "\(path): \(written) does not exist; did you mean \(guess)?"
            }
            session.error(.missingEvidenceFile, at: node.position, message)
            return nil
        }
        if let first = describedFiles[file] {
            session.error(.duplicateEvidenceFile, at: node.position, "\(path): \(written) already has an entry, evidence[\(first)]; merge the two")
            return nil
        }
        describedFiles[file] = index
        return file
    }

    /// "Did you mean" compares a missing file's name with every file's: it is offered in
    /// folders of at most this many files (and for the first missing files only, see
    /// `DecodingSession.takeSuggestion`), so that a claim of thousands of files and
    /// entries is still checked at once.
    static let maximumFilesForSuggestions = 500

    /// An entry for a file `claim.yaml` does not describe: id from the name (unique, see
    /// `Identifier.unique`), kind from the type, the file name as title (without the
    /// spaces around it, which a title may not begin with).
    private func derivedEntry(for file: EvidenceFile, usedIDs: inout Set<String>, nextSuffix: inout [String: Int]) -> EvidenceEntry {
        let name = file.path.lastIndex(of: "/").map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let id = Identifier.unique(Identifier.slug(from: stem, fallback: "evidence"), among: &usedIDs, nextSuffix: &nextSuffix)
        // Most names have no space around them: Foundation's trimming is then not needed.
        let isPlain = name.unicodeScalars.first?.properties.isWhitespace == false && name.unicodeScalars.last?.properties.isWhitespace == false
        let trimmed = isPlain ? name : name.trimmingCharacters(in: .whitespacesAndNewlines)
        return EvidenceEntry(id: id, file: file.path, title: trimmed.isEmpty ? id : trimmed,
                             kind: MediaType(fileName: name).likelyKind, isDerived: true)
    }
}

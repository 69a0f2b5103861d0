internal import Crypto
internal import Foundation
internal import ZipKit

extension VerificationRun {
    /// The ZIP layer: structure, names, types, limits; then every entry read once.
    func checkArchive() {
        let scanned: ZipLayout
        do {
            scanned = try ZipLayout.scan(path: bundle.path, maximumEntries: limits.maximumEntries)
        } catch {
            let code: FindingCode = switch error {
            case .empty: .emptyFile
            case .noEndRecord, .multiDisk: .notAZip
            case .truncated, .cannotRead: .truncated
            case .tooManyEntries: .tooManyEntries
            }
            add(Finding(code, error.description))
            return
        }
        layout = scanned
        // libzip opens the archive (its directory and every local header again) on the
        // second core while the names and the canonical form are checked here.
        let path = bundle.path
        let opening = BackgroundResult { Result { () throws(ZipArchiveReader.Failure) in try ZipArchiveReader(path: path) } }
        reportAnomalies(scanned)
        checkCanonicalForm(scanned)

        // By the entry's position (its index): a name, or nil when it has a finding.
        var names = [String?](repeating: nil, count: scanned.entries.count)
        var readableNames: [String] = []
        for entry in scanned.entries {
            let (name, nameFindings) = EntryNameRules.check(entry.rawName)
            nameFindings.forEach(add)
            if let finding = EntryNameRules.lengthFinding(entry.rawName) { add(finding) }
            if let name {
                readableNames.append(name)
                if nameFindings.isEmpty { names[entry.index] = name }
            }
        }
        // `consume`: the list (and with `names` below, the names) is let go before the payload is read.
        EntryNameRules.duplicates(consume readableNames).forEach(add)
        root = chooseRoot(names.compactMap { $0 }.filter { !FinderMetadata.contains($0) })

        let total = scanned.entries.reduce(UInt64(0)) { $0 &+ $1.uncompressedSize }
        if total > limits.maximumTotalBytes {
            add(Finding(.tooLarge, "the entries declare \(total) bytes uncompressed, more than the limit of \(limits.maximumTotalBytes); not read"))
            return
        }
        let reader: ZipArchiveReader
        do {
            reader = try opening.value().get()
        } catch {
            let code: FindingCode = switch error {
            case .notAZip: .notAZip
            case .unreadable: .truncated
            default: .inconsistent
            }
            add(Finding(code, "libzip refuses the archive: \(error.description)"))
            return
        }
        // The reader is the one reference to libzip's archive from here: it is closed as
        // soon as the entries are read, before the files are listed (64,000 entries:
        // libzip holds 17 MB).
        _ = consume opening
        guard reader.count == scanned.entries.count else {
            add(Finding(.inconsistent, "libzip sees \(reader.count) entries where the central directory has \(scanned.entries.count)"))
            return
        }
        archiveReadable = true
        readEntries(scanned, names: consume names, reader: consume reader, total: total)
    }

    private func reportAnomalies(_ layout: ZipLayout) {
        func name(_ index: Int) -> String {
            index < 0 ? "the central directory" : EntryNameRules.printable(String(decoding: layout.entries[index].rawName, as: UTF8.self))
        }
        for anomaly in layout.anomalies {
            switch anomaly {
            case .dataBeforeFirstEntry(let bytes):
                add(Finding(.dataBeforeFirstEntry, "\(bytes) bytes before the first entry (a prepended file or a disguised archive)"))
            case .trailingData(let bytes):
                add(Finding(.trailingData, "\(bytes) bytes after the end of the archive"))
            case .unaccountedBytes(let offset, let bytes):
                add(Finding(.overlappingEntries, "\(bytes) bytes at offset \(offset) belong to no entry (hidden data)"))
            case .overlap(let first, let second):
                add(Finding(.overlappingEntries, entry: name(first), "its bytes overlap \(second < 0 ? "the central directory" : "those of \(name(second))") (a zip bomb or a forged archive)"))
            case .badLocalHeader(let index, let reason):
                add(Finding(.inconsistent, entry: name(index), reason))
            }
        }
    }

    /// The single top-level folder: the one holding `bagit.txt`, else the most common.
    private func chooseRoot(_ names: [String]) -> String? {
        let tops = names.compactMap { name -> String? in
            guard let slash = name.firstIndex(of: "/") else { return nil }
            return String(name[..<slash])
        }
        let declaration = "/" + BundleLayout.declaration
        if let declared = names.first(where: { $0.hasSuffix(declaration) && $0.split(separator: "/").count == 2 }) {
            return String(declared.dropLast(declaration.count))
        }
        let counts = Dictionary(grouping: tops, by: { $0 }).mapValues(\.count)
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Reads every regular entry once. The tag files are read first, and their checks start
    /// on the second core (`TagFilePreparation`) while the payload is read; the findings are
    /// still reported in the order of the entries in the archive.
    private func readEntries(_ layout: ZipLayout, names: consuming [String?], reader: consuming ZipArchiveReader, total: UInt64) {
        // The entries by their position in `layout.entries`, not copied: a header's fields
        // take some 200 bytes. The name is kept only when it is not the folder followed by
        // the relative path (a canonically equivalent spelling of the folder): the names
        // are let go before the payload is read (64,000 entries: 5 MB).
        var accepted: [(position: Int, relative: String, name: String?)] = []
        accepted.reserveCapacity(names.count)
        presentEntries.reserveCapacity(names.count)
        var entryFindings = [[Finding]](repeating: [], count: layout.entries.count)
        let folder = root.map { $0 + "/" }
        var metadata: [String] = []
        for (position, entry) in layout.entries.enumerated() {
            guard let name = names[entry.index] else { continue }
            // In a ZIP claimpack wrote, such an entry is also non-canonical (V128): an edit.
            if FinderMetadata.contains(name) {
                metadata.append(name)
                continue
            }
            guard let folder, name.hasPrefix(folder) else {
                entryFindings[entry.index] = [Finding(.outsideBundleFolder, entry: name, "outside the bundle's folder \(folder ?? "")")]
                continue
            }
            // The folder as the name spells it, byte for byte (the usual case), or a
            // canonically equivalent spelling, dropped character by character.
            let spelled = name.utf8.starts(with: folder.utf8)
            let relative = spelled ? String(Substring(name.utf8.dropFirst(folder.utf8.count))) : String(name.dropFirst(folder.count))
            entryFindings[entry.index] = findings {
                guard acceptType(entry, name: name, relative: relative) else { return }
                presentEntries.insert(relative)
                accepted.append((position, relative, spelled ? nil : name))
            }
        }
        names = []
        let isTag = accepted.map { BundleLayout.tagFiles.contains($0.relative) }
        let tagCount = isTag.count { $0 }
        var order = accepted.indices.filter { isTag[$0] } + accepted.indices.filter { !isTag[$0] }
        var done: UInt64 = 0
        // The entries read to their end, in the order the hasher finished them.
        var finished: [(relative: String, size: UInt64)] = []
        finished.reserveCapacity(accepted.count)
        var stopped = false
        let hasher = PipelinedHasher()
        for (position, index) in order.enumerated() {
            if position == tagCount {
                preparation = TagFilePreparation(tagBytes: tagBytes, entryName: entryName, schemas: schemas, limits: limits,
                                                 payloadCount: accepted.count - tagCount, knownPaths: presentEntries)
            }
            let item = accepted[index]
            let entry = layout.entries[item.position]
            let keep = position < tagCount
            entryFindings[entry.index] += findings {
                if let file = read(entry, name: item.name ?? (folder ?? "") + item.relative, relative: item.relative, reader: reader,
                                   keep: keep, hasher: hasher, done: &done, total: total) {
                    finished.append((item.relative, file.size))
                    if keep, let bytes = file.bytes { tagBytes[item.relative] = bytes }
                }
            }
            if done > limits.maximumTotalBytes {
                stopped = true
                break
            }
        }
        entryFindings.joined().forEach(add)
        if !metadata.isEmpty { add(FinderMetadata.finding(metadata)) }
        // What the reading needed is let go before the files are listed, at the peak.
        _ = consume reader
        entryFindings = []
        accepted = []
        order = []
        if stopped {
            add(Finding(.tooLarge, "more than \(limits.maximumTotalBytes) bytes uncompressed; stopped reading"))
        }
        files.reserveCapacity(finished.count)
        for (entry, digest) in zip(finished, hasher.collectDigests()) {
            files[entry.relative] = PayloadFile(path: entry.relative, size: entry.size, sha256: digest)
        }
    }

    /// Whether the entry is a regular file that can be read; reports it otherwise.
    private func acceptType(_ entry: ZipLayout.Entry, name: String, relative: String) -> Bool {
        switch entry.type {
        case .symbolicLink:
            add(Finding(.symbolicLink, entry: name, "a symbolic link; extracting it could point anywhere"))
            return false
        case .directory:
            directoryEntries.append(relative)
            let isEmptyBagPayload = relative == BundleLayout.payloadFolder && entry.uncompressedSize == 0
            if !isEmptyBagPayload {
                add(Finding(.directoryEntry, entry: name, "a directory entry; bundles hold files only", severity: .warning))
            }
            return false
        case .special:
            add(Finding(.notRegular, entry: name, "not a regular file (device, pipe or socket)"))
            return false
        case .regular:
            break
        }
        if entry.isEncrypted {
            add(Finding(.encrypted, entry: name, "encrypted; a bundle is never encrypted"))
            return false
        }
        guard entry.compressionMethod != nil else {
            add(Finding(.unsupportedMethod, entry: name, "compression method \(entry.method); only store (0) and deflate (8) are allowed"))
            return false
        }
        return true
    }

    /// Reads an entry once: its digest, and its bytes when `keep`. Stops early, with a
    /// finding, when it inflates past its declared size, the ratio limit or the total.
    private func read(_ entry: ZipLayout.Entry, name: @autoclosure () -> String, relative: String, reader: ZipArchiveReader, keep: Bool,
                      hasher: PipelinedHasher, done: inout UInt64,
                      total: UInt64) -> (size: UInt64, bytes: [UInt8]?)? {
        // The hasher is shared by the entries, read one after the other: what an entry that
        // stops early handed over is dropped, so that the next one starts afresh.
        var finished = false
        defer { if !finished { hasher.discard() } }
        if keep, entry.uncompressedSize > UInt64(limits.maximumTagFileBytes) {
            add(Finding(.malformedXML, entry: name(), "\(relative) declares \(entry.uncompressedSize) bytes, more than the \(limits.maximumTagFileBytes) a tag file may have; not read"))
            return nil
        }
        let file: ZipEntryReader
        do {
            file = try reader.open(entry: entry.index, deflated: entry.isDeflated, expectedCRC: entry.crc)
        } catch {
            add(finding(for: error, name: name()))
            return nil
        }
        var bytes: [UInt8]? = keep ? [] : nil
        // Its declared size, at most a tag file's limit (checked above): a buffer grown by
        // doubling would take up to twice as much (a manifest of 69,000 files: 16 MB more).
        bytes?.reserveCapacity(Int(entry.uncompressedSize))
        var size: UInt64 = 0
        let deflated = entry.isDeflated
        while true {
            let count: Int
            do {
                count = try file.read(into: hasher.space())
            } catch {
                add(finding(for: error, name: name()))
                return nil
            }
            if count == 0 { break }
            let chunk = hasher.commit(count)
            size += UInt64(count)
            done += UInt64(count)
            progress?(done, total)
            if keep {
                guard size <= UInt64(limits.maximumTagFileBytes) else {
                    add(Finding(.malformedXML, entry: name(), "larger than the \(limits.maximumTagFileBytes) bytes a tag file may have"))
                    return nil
                }
                bytes?.append(contentsOf: chunk)
            }
            if size > entry.uncompressedSize {
                add(Finding(.sizeMismatch, entry: name(), "inflates past the \(entry.uncompressedSize) bytes its header declares; stopped reading"))
                return nil
            }
            if deflated, !CompressionPolicy.isWithinRatioLimit(inflated: size, compressed: entry.compressedSize,
                                                               ratio: limits.maximumCompressionRatio, allowance: limits.ratioAllowance) {
                add(Finding(.compressionRatio, entry: name(), "inflates to more than \(limits.ratioAllowance >> 20) MiB at more than \(limits.maximumCompressionRatio):1 (\(entry.compressedSize) compressed bytes); a compression bomb; stopped reading"))
                return nil
            }
            if done > limits.maximumTotalBytes { return nil }
        }
        if size != entry.uncompressedSize {
            add(Finding(.sizeMismatch, entry: name(), "holds \(size) bytes, its header declares \(entry.uncompressedSize)"))
            return nil
        }
        finished = true
        hasher.finish()
        return (size, bytes)
    }

    private func finding(for error: ZipArchiveReader.Failure, name: String) -> Finding {
        switch error {
        case .crcMismatch: Finding(.crcMismatch, entry: name, "the data does not match its CRC-32: the entry was altered or damaged")
        case .encrypted: Finding(.encrypted, entry: name, "encrypted; a bundle is never encrypted")
        case .unsupportedMethod: Finding(.unsupportedMethod, entry: name, "the compression method is not supported")
        case .inconsistent(let reason): Finding(.inconsistent, entry: name, reason)
        default: Finding(.unreadableEntry, entry: name, "cannot be read: \(error.description)")
        }
    }
}

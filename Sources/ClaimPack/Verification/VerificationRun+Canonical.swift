internal import ZipKit

extension VerificationRun {
    /// Holds every header byte to the form `build` writes, so that no field can be
    /// altered unnoticed — also those no reader uses (versions, attributes, flags).
    /// Also notes whether the archive reads as re-packed whole by another tool
    /// (`rewrittenWhole`), for `judgeRepacking()`.
    func checkCanonicalForm(_ layout: ZipLayout) {
        if ZipCanonicalForm.endRecordDeviates(layout) {
            add(Finding(.nonCanonical, "the end-of-central-directory record is not as claimpack writes it (entry counts, directory size or comment)"))
        }
        let dates = Set(layout.entries.map(\.central.date))
        if dates.count > 1 {
            add(Finding(.nonCanonical, "the entries have \(dates.count) different dates; claimpack gives every entry the claim's date"))
        }
        // Entries with the same problems are reported together: a re-packed archive has
        // them all, and one finding says so better than hundreds.
        var byProblems: [[String]: [String]] = [:]
        var order: [[String]] = []
        var canonicalEntries = 0
        for entry in layout.entries {
            let problems = ZipCanonicalForm.deviations(of: entry)
            guard !problems.isEmpty else {
                canonicalEntries += 1
                continue
            }
            if byProblems[problems] == nil { order.append(problems) }
            byProblems[problems, default: []].append(EntryNameRules.printable(String(decoding: entry.rawName, as: UTF8.self)))
        }
        for problems in order {
            let names = byProblems[problems] ?? []
            let what = "header fields altered or not as claimpack writes them: \(problems.joined(separator: ", "))"
            if names.count >= 3 {
                add(Finding(.nonCanonical, "\(names.count) entries (\(names.prefix(3).joined(separator: ", "))…): \(what); the archive was re-packed or edited"))
            } else {
                for name in names { add(Finding(.nonCanonical, entry: name, what)) }
            }
        }
        let end = layout.endRecord
        rewrittenWhole = canonicalEntries == 0 && !layout.entries.isEmpty
            && end.entriesOnThisDisk == end.entriesTotal && end.parsedDirectorySize == end.declaredDirectorySize
            && layout.entries.allSatisfy(Self.headersAgree)
    }

    /// Whether an entry's two headers give the same method, CRC-32 and sizes (or leave the
    /// CRC-32 and sizes to a data descriptor, as streaming writers do): what a reader of
    /// the local headers extracts is then what `verify` read through the central directory.
    static func headersAgree(_ entry: ZipLayout.Entry) -> Bool {
        guard let local = entry.local else { return false }
        let central = entry.central
        guard local.method == central.method else { return false }
        let deferred = local.flags & 0x0008 != 0
        func agrees<T: BinaryInteger>(_ mine: T, _ theirs: T) -> Bool { mine == theirs || (deferred && mine == 0) }
        guard agrees(local.crc, central.crc) else { return false }
        if local.compressedSize32 == 0xFFFF_FFFF || local.uncompressedSize32 == 0xFFFF_FFFF {
            guard let (uncompressed, compressed) = zip64Sizes(local.extra) else { return false }
            return agrees(uncompressed, entry.uncompressedSize) && agrees(compressed, entry.compressedSize)
        }
        return agrees(UInt64(local.compressedSize32), entry.compressedSize)
            && agrees(UInt64(local.uncompressedSize32), entry.uncompressedSize)
    }

    /// The two sizes of a local header's Zip64 extension (id 1), when it has both.
    private static func zip64Sizes(_ extra: [UInt8]) -> (UInt64, UInt64)? {
        var at = 0
        while at + 4 <= extra.count {
            let id = UInt16(extra[at]) | UInt16(extra[at + 1]) << 8
            let size = Int(UInt16(extra[at + 2]) | UInt16(extra[at + 3]) << 8)
            if id == 1 {
                guard size >= 16, at + 4 + 16 <= extra.count else { return nil }
                func u64(_ from: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(extra[from + $1]) << (8 * UInt64($1)) } }
                return (u64(at + 4), u64(at + 12))
            }
            at += 4 + size
        }
        return nil
    }

    /// The second verdict: when the only errors are about the container's form (V128),
    /// the archive was re-packed whole by another tool (every entry's headers rewritten,
    /// both copies agreeing), and every directory entry is a folder of the bag, the V128
    /// findings give way to one V130: the content is intact, the container re-packed.
    /// An entry edited in place, a changed byte, a file added (outside the bag, or in it
    /// but accounted for by neither the seal nor the delivery record: V308, an unknown tag
    /// file), an extra folder or a wrong `--seal` keep the bundle not intact.
    func judgeRepacking() {
        guard rewrittenWhole,
              findings.contains(where: { $0.code == .nonCanonical }),
              !findings.contains(where: { $0.severity == .error && $0.code != .nonCanonical })
        else { return }
        // Nothing added: every file is a tag file claimpack writes or payload the seal or
        // the delivery record accounts for (what BagIt's manifests alone list, a re-packer
        // could have added and listed).
        guard !findings.contains(where: { $0.code == .unexpectedPayload }),
              presentEntries.allSatisfy({ BundleLayout.tagFiles.contains($0) || BundleLayout.isPayload($0) })
        else { return }
        let folders = Set(presentEntries.flatMap { path in
            path.indices.filter { path[$0] == "/" }.map { String(path[...$0]) }
        })
        guard directoryEntries.allSatisfy({ $0.isEmpty || folders.contains($0) || $0 == BundleLayout.payloadFolder }) else { return }
        replaceFindings(where: { $0.code == .nonCanonical }, with: Finding(.repacked, "the content is intact — the seal, every SHA-256, the BagIt manifests, Payload-Oxum and the delivery record hold — but the ZIP container was re-packed by another tool (entry order, dates, compression, extra fields or attributes are not claimpack's)", severity: .warning))
    }
}

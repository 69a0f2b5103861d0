internal import ZipKit

extension VerificationRun {
    /// The "version made by" that `build` writes: Unix (3), ZIP specification 6.3.
    static let canonicalMadeBy: UInt16 = 0x033F

    /// Holds every header byte to the form `build` writes, so that no field can be
    /// altered unnoticed — also those no reader uses (versions, attributes, flags).
    func checkCanonicalForm(_ layout: ZipLayout) {
        let end = layout.endRecord
        if end.entriesOnThisDisk != end.entriesTotal || end.parsedDirectorySize != end.declaredDirectorySize || layout.commentLength != 0 {
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
        for entry in layout.entries {
            let problems = canonicalProblems(entry)
            guard !problems.isEmpty else { continue }
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
    }

    private func canonicalProblems(_ entry: ZipLayout.Entry) -> [String] {
        let central = entry.central
        guard let local = entry.local else { return [] }  // reported as a bad local header
        var problems: [String] = []
        let needsZip64Offset = entry.localHeaderOffset >= 0xFFFF_FFFF
        let needsZip64Sizes = entry.uncompressedSize >= 0xFFFF_FFFF || entry.compressedSize >= 0xFFFF_FFFF
        let usesZip64 = needsZip64Offset || needsZip64Sizes
        // libzip: 1.0 to store, 2.0 to deflate or for a folder, 4.5 with Zip64 — in the local
        // header only when the sizes need it, in the central directory also for the offset.
        let baseVersion: UInt16 = central.method == 8 || entry.rawName.last == UInt8(ascii: "/") ? 20 : 10
        let expectedCentral: UInt16 = usesZip64 ? 45 : baseVersion
        let expectedLocal: UInt16 = needsZip64Sizes ? 45 : baseVersion
        if central.versionMadeBy != Self.canonicalMadeBy { problems.append("version made by") }
        if central.versionNeeded != expectedCentral || local.versionNeeded != expectedLocal { problems.append("version needed") }
        let expectedFlags: UInt16 = entry.rawName.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        if central.flags != expectedFlags || local.flags != central.flags { problems.append("flags") }
        if local.method != central.method { problems.append("method") }
        if local.time != central.time || local.date != central.date || central.time != 0 { problems.append("timestamp") }
        if local.crc != central.crc { problems.append("CRC-32") }
        if central.commentLength != 0 || central.diskStart != 0 || central.internalAttributes != 0 {
            problems.append("comment, disk or internal attributes")
        }
        if entry.externalAttributes != 0o100644 << 16 { problems.append("file attributes") }

        // Sizes and the Zip64 extension, in both copies.
        let centralFields = [central.uncompressedSize32, central.compressedSize32].filter { $0 == 0xFFFF_FFFF }.count
            + (needsZip64Offset ? 1 : 0)
        let expectedCentralExtra = centralFields == 0 ? 0 : 4 + 8 * centralFields
        if central.extra.count != expectedCentralExtra || (expectedCentralExtra > 0 && Array(central.extra.prefix(2)) != [1, 0]) {
            problems.append("central extra field")
        }
        if needsZip64Sizes {
            let view = local.extra
            let valid = view.count == 20 && Array(view.prefix(4)) == [1, 0, 16, 0]
                && local.uncompressedSize32 == 0xFFFF_FFFF && local.compressedSize32 == 0xFFFF_FFFF
                && Self.u64(view, 4) == entry.uncompressedSize && Self.u64(view, 12) == entry.compressedSize
            if !valid { problems.append("local Zip64 sizes") }
        } else if !local.extra.isEmpty || local.compressedSize32 != central.compressedSize32
                    || local.uncompressedSize32 != central.uncompressedSize32 {
            problems.append("local sizes or extra field")
        }
        return problems
    }

    private static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
    }
}

/// The one form `ZipArchiveWriter` gives every header, so that a reader can hold an
/// archive to it field by field: any field that differs was altered after writing
/// (or the archive was written by something else).
///
/// The form is libzip's with claimpack's settings: "made by" Unix, ZIP 6.3; version
/// needed 1.0 to store, 2.0 to deflate or for a folder, 4.5 with Zip64 (in the local
/// header only when the sizes need it, in the central directory also for the offset);
/// the UTF-8 flag on non-ASCII names and no other flag; the time 00:00 and one date for
/// every entry; mode `0100644`; no comment, no extra field but the Zip64 extension.
public enum ZipCanonicalForm {
    /// "Version made by": Unix (3), ZIP specification 6.3.
    public static let versionMadeBy: UInt16 = 0x033F
    /// The external attributes: a regular file, `rw-r--r--`, in the high 16 bits.
    public static let externalAttributes: UInt32 = 0o100644 << 16

    /// Whether the end record differs from the canonical form (entry counts, directory
    /// size, comment).
    public static func endRecordDeviates(_ layout: ZipLayout) -> Bool {
        let end = layout.endRecord
        return end.entriesOnThisDisk != end.entriesTotal || end.parsedDirectorySize != end.declaredDirectorySize
            || layout.commentLength != 0
    }

    /// The fields of `entry`'s two headers that differ from the canonical form, named for
    /// a message ("version made by", "flags" …); empty when none does, or when the local
    /// header could not be read (a problem of its own).
    public static func deviations(of entry: ZipLayout.Entry) -> [String] {
        let central = entry.central
        guard let local = entry.local else { return [] }
        var problems: [String] = []
        let needsZip64Offset = entry.localHeaderOffset >= 0xFFFF_FFFF
        let needsZip64Sizes = entry.uncompressedSize >= 0xFFFF_FFFF || entry.compressedSize >= 0xFFFF_FFFF
        let usesZip64 = needsZip64Offset || needsZip64Sizes
        let baseVersion: UInt16 = central.method == ZipCompressionMethod.deflate.rawValue
            || entry.rawName.last == UInt8(ascii: "/") ? 20 : 10
        let expectedCentral: UInt16 = usesZip64 ? 45 : baseVersion
        let expectedLocal: UInt16 = needsZip64Sizes ? 45 : baseVersion
        if central.versionMadeBy != versionMadeBy { problems.append("version made by") }
        if central.versionNeeded != expectedCentral || local.versionNeeded != expectedLocal { problems.append("version needed") }
        let expectedFlags: UInt16 = entry.rawName.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        if central.flags != expectedFlags || local.flags != central.flags { problems.append("flags") }
        if local.method != central.method { problems.append("method") }
        if local.time != central.time || local.date != central.date || central.time != 0 { problems.append("timestamp") }
        if local.crc != central.crc { problems.append("CRC-32") }
        if central.commentLength != 0 || central.diskStart != 0 || central.internalAttributes != 0 {
            problems.append("comment, disk or internal attributes")
        }
        if entry.externalAttributes != externalAttributes { problems.append("file attributes") }

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
                && u64(view, 4) == entry.uncompressedSize && u64(view, 12) == entry.compressedSize
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

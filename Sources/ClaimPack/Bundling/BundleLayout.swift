internal import ZipKit

/// The layout of a bundle, the one place that names its parts: one top-level folder named
/// after the claim's id holding a BagIt 1.0 bag (RFC 8493) — the tag files beside the
/// payload under `data/`, evidence under `data/evidence/`, delivery proofs under
/// `data/delivery/` — every entry dated the claim's date. The builder, the rewriter, the
/// reader and the verifier all use it.
enum BundleLayout {
    /// `bagit.txt`, the BagIt declaration.
    static let declaration = "bagit.txt"
    /// `manifest-sha256.txt`, the SHA-256 of every payload file.
    static let payloadManifest = "manifest-sha256.txt"
    /// `manifest.xml`, the claim and its evidence: its SHA-256 is the seal.
    static let manifest = "manifest.xml"
    /// `delivery.xml`, the delivery-confirmation record.
    static let deliveryRecord = "delivery.xml"
    /// `bag-info.txt`, the bag's metadata.
    static let bagInfo = "bag-info.txt"
    /// `tagmanifest-sha256.txt`, the SHA-256 of every other tag file.
    static let tagManifest = "tagmanifest-sha256.txt"

    /// The XML schemas the bundle carries beside `manifest.xml` and `delivery.xml`, so that a
    /// recipient can validate them without claimpack (`xmllint --schema`); byte for byte
    /// the ones in `Schemas/`, written before the payload.
    static let schemaFiles = ["claim-manifest-1.xsd", "delivery-record-1.xsd"]

    /// The tag files that `tagmanifest-sha256.txt` lists, in the order they are written.
    static let listedTagFiles = [declaration] + schemaFiles + [payloadManifest, manifest, deliveryRecord, bagInfo]
    /// The tag files written after the payload (they carry its digests), in order.
    static let tagFilesAfterPayload = [payloadManifest, manifest, deliveryRecord, bagInfo, tagManifest]
    /// Every tag file a bundle has.
    static let tagFiles: Set<String> = Set(listedTagFiles + [tagManifest])
    /// How many entries a bundle has besides its payload.
    static var tagEntryCount: Int { listedTagFiles.count + 1 }

    /// The payload folder, `data/`: the only directory entry a bundle may have, when its
    /// payload is empty.
    static let payloadFolder = "data/"
    /// Where the evidence files go, their paths in the claim folder kept.
    static let evidenceFolder = "data/evidence/"
    /// Where `deliver` puts proofs of dispatch and delivery.
    static let deliveryFolder = "data/delivery/"
    /// Where RFC 3161 time-stamp tokens go (`claimpack timestamp`).
    static let timestampFolder = "data/timestamps/"

    /// Whether `path` (relative to the bundle's folder) is payload.
    static func isPayload(_ path: String) -> Bool { path.hasPrefix(payloadFolder) }

    /// The path inside the bag of an evidence file given relative to the claim folder.
    static func payloadPath(for claimPath: String) -> String { payloadFolder + claimPath }

    /// The path in the claim folder of a payload path; `nil` when it is not payload.
    static func claimPath(forPayload path: String) -> String? {
        isPayload(path) ? String(path.dropFirst(payloadFolder.count)) : nil
    }

    /// The lines of `bagit.txt`.
    static let declarationLines = ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"]
    /// `bagit.txt`.
    static var declarationText: String { declarationLines.map { $0 + "\n" }.joined() }

    /// The keys of `bag-info.txt` claimpack writes, in order.
    enum BagInfoKey {
        static let softwareAgent = "Bag-Software-Agent"
        static let baggingDate = "Bagging-Date"
        static let externalIdentifier = "External-Identifier"
        static let externalDescription = "External-Description"
        static let payloadOxum = "Payload-Oxum"
        static let claimSeal = "Claim-Seal"
    }

    /// The `Payload-Oxum` value: bytes, a dot, files.
    static func payloadOxum(bytes: UInt64, count: Int) -> String { "\(bytes).\(count)" }

    /// The date and time of every entry: the claim's date at midnight.
    static func entryTimestamp(for claimDate: CalendarDate) -> DOSTimestamp {
        DOSTimestamp(year: claimDate.year, month: claimDate.month, day: claimDate.day)
    }

    /// A manifest (`sha256sum` format: digest, two spaces, path), one line per file, as
    /// UTF-8 bytes; the path is encoded as RFC 8493 §2.1.3 requires (`%`, CR, LF).
    static func manifestBytes(_ files: [(path: String, digest: SHA256Digest)]) -> [UInt8] {
        manifestBytes(count: files.count) { index in ("", files[index].path, files[index].digest) }
    }

    /// The same, for `count` files whose lines `line` gives (the path is `prefix` followed
    /// by `path`), made into exactly as many bytes as they take: no array of lines, no
    /// joined paths.
    static func manifestBytes(count: Int, line: (Int) -> (prefix: String, path: String, digest: SHA256Digest)) -> [UInt8] {
        var size = 0
        for index in 0..<count {
            let (prefix, path, _) = line(index)
            size += 64 + 2 + encodedLength(prefix) + encodedLength(path) + 1
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        for index in 0..<count {
            let (prefix, path, digest) = line(index)
            digest.appendHex(to: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
            appendEncoded(prefix, to: &bytes)
            appendEncoded(path, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The bytes of `path` in a manifest line, encoded as RFC 8493 §2.1.3 requires.
    private static func appendEncoded(_ path: String, to bytes: inout [UInt8]) {
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"): bytes += [UInt8(ascii: "%"), UInt8(ascii: "2"), UInt8(ascii: "5")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "%"), UInt8(ascii: "0"), UInt8(ascii: "D")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "%"), UInt8(ascii: "0"), UInt8(ascii: "A")]
            default: bytes.append(byte)
            }
        }
    }

    /// The number of bytes `appendEncoded` gives for `path`.
    private static func encodedLength(_ path: String) -> Int {
        path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "%") || $1 == UInt8(ascii: "\r") || $1 == UInt8(ascii: "\n") ? 3 : 1) }
    }

    /// `bag-info.txt`: the bag's metadata, with the claim's seal.
    static func bagInfoText(claim: Claim, payloadBytes: UInt64, payloadCount: Int, seal: SHA256Digest, software: String) -> String {
        let subject = claim.subject.split(whereSeparator: \.isNewline).joined(separator: " ")
        return [
            (BagInfoKey.softwareAgent, software),
            (BagInfoKey.baggingDate, claim.date.description),
            (BagInfoKey.externalIdentifier, claim.id),
            (BagInfoKey.externalDescription, subject),
            (BagInfoKey.payloadOxum, payloadOxum(bytes: payloadBytes, count: payloadCount)),
            (BagInfoKey.claimSeal, seal.hex),
        ].map { "\($0): \($1)\n" }.joined()
    }
}

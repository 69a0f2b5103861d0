/// Names and texts of the BagIt layer (RFC 8493) of a bundle: one top-level folder named
/// after the claim's id, the payload under `data/`, the tag files beside it.
enum BagLayout {
    static let declaration = "bagit.txt"
    static let bagInfo = "bag-info.txt"
    static let payloadManifest = "manifest-sha256.txt"
    static let tagManifest = "tagmanifest-sha256.txt"

    /// The tag files that `tagmanifest-sha256.txt` lists, in the order they are written.
    static let listedTagFiles = [declaration, payloadManifest, ManifestDocument.fileName,
                                 DeliveryRecordDocument.fileName, bagInfo]

    /// `bagit.txt`.
    static let declarationText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    /// The path inside the bag of an evidence file given relative to the claim folder.
    static func payloadPath(for claimPath: String) -> String { "data/" + claimPath }

    /// A manifest (`sha256sum` format: digest, two spaces, path), one line per file, as
    /// UTF-8 bytes; the path is encoded as RFC 8493 §2.1.3 requires (`%`, CR, LF).
    static func manifestBytes(_ files: [(path: String, digest: SHA256Digest)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.count * 128)
        for file in files {
            file.digest.appendHex(to: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
            for byte in file.path.utf8 {
                switch byte {
                case UInt8(ascii: "%"): bytes += Array("%25".utf8)
                case UInt8(ascii: "\r"): bytes += Array("%0D".utf8)
                case UInt8(ascii: "\n"): bytes += Array("%0A".utf8)
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// `bag-info.txt`: the bag's metadata, with the claim's seal.
    static func bagInfoText(claim: Claim, payloadBytes: UInt64, payloadCount: Int, seal: SHA256Digest, software: String) -> String {
        let subject = claim.subject.split(whereSeparator: \.isNewline).joined(separator: " ")
        return """
            Bag-Software-Agent: \(software)
            Bagging-Date: \(claim.date)
            External-Identifier: \(claim.id)
            External-Description: \(subject)
            Payload-Oxum: \(payloadBytes).\(payloadCount)
            Claim-Seal: \(seal.hex)

            """
    }
}

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

    /// A manifest line's path, encoded as RFC 8493 §2.1.3 requires (`%`, CR, LF).
    static func encodedPath(_ path: String) -> String {
        var encoded = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": encoded += "%25"
            case "\r": encoded += "%0D"
            case "\n": encoded += "%0A"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }

    /// A manifest (`sha256sum` format: digest, two spaces, path), one line per file.
    static func manifestText(_ files: [(path: String, digest: SHA256Digest)]) -> String {
        files.map { "\($0.digest.hex)  \(encodedPath($0.path))\n" }.joined()
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

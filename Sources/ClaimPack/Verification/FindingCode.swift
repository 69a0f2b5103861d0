/// The stable code of a verification finding. Codes never change meaning; the table in
/// `docs/verification-codes.md` lists them all with what to do.
public enum FindingCode: String, Sendable, Hashable, Codable, CaseIterable {
    // The ZIP layer
    /// The file is empty.
    case emptyFile = "V100"
    /// The file is not a ZIP archive.
    case notAZip = "V101"
    /// The archive is truncated, or its records cannot be read.
    case truncated = "V102"
    /// The archive's records contradict each other (libzip's consistency check).
    case inconsistent = "V103"
    /// An entry's data does not match its CRC-32.
    case crcMismatch = "V104"
    /// Two entries with the same name.
    case duplicateName = "V105"
    /// Two entries whose names are equal under Unicode NFC normalisation.
    case duplicateNameNFC = "V106"
    /// Two entries whose names differ only by letter case.
    case duplicateNameCase = "V107"
    /// An absolute name (starting with `/`).
    case absolutePath = "V108"
    /// A name with a `..`, `.` or empty segment.
    case dotSegment = "V109"
    /// A name with a backslash.
    case backslash = "V110"
    /// A name starting with a drive letter (`C:`).
    case driveLetter = "V111"
    /// A name with control characters.
    case controlCharacter = "V112"
    /// A name that is not valid UTF-8.
    case invalidNameEncoding = "V113"
    /// A symbolic link.
    case symbolicLink = "V114"
    /// A device, pipe, socket or other non-regular entry.
    case notRegular = "V115"
    /// An encrypted entry.
    case encrypted = "V116"
    /// A compression method other than store (0) and deflate (8).
    case unsupportedMethod = "V117"
    /// More entries than the limit.
    case tooManyEntries = "V118"
    /// More uncompressed bytes than the limit.
    case tooLarge = "V119"
    /// An entry that inflates more than the compression-ratio limit allows (a bomb).
    case compressionRatio = "V120"
    /// Bytes before the first entry.
    case dataBeforeFirstEntry = "V121"
    /// Bytes after the end-of-central-directory record.
    case trailingData = "V122"
    /// Entries whose bytes overlap, or bytes that belong to no entry.
    case overlappingEntries = "V123"
    /// An entry whose size differs from the size its header declares.
    case sizeMismatch = "V124"
    /// An entry whose data cannot be read or inflated.
    case unreadableEntry = "V125"
    /// An entry outside the bundle's single top-level folder.
    case outsideBundleFolder = "V126"
    /// A directory entry (accepted only as `<id>/data/` of an empty bag).
    case directoryEntry = "V127"
    /// A header field that is not what `build` writes (the two copies of an entry's header
    /// disagree, an unexpected flag, attribute, version, timestamp or extra field): the
    /// archive was altered after it was built.
    case nonCanonical = "V128"
    /// A name with a component longer than 255 bytes: no common file system can extract
    /// it; or (a warning) a name longer than the 1024 bytes `build` writes.
    case nameTooLong = "V129"
    /// (A warning, and the verdict "content intact, container re-packed".) Every content
    /// check holds, but the ZIP was re-packed whole by another tool: in place of V128.
    case repacked = "V130"
    /// (A warning.) macOS metadata (`__MACOSX/`, `.DS_Store`, `._` files) in a re-packed ZIP
    /// or an extracted folder: set aside, not read (`FinderMetadata`).
    case finderMetadata = "V131"

    // The BagIt layer
    /// `bagit.txt` is missing.
    case missingDeclaration = "V200"
    /// `bagit.txt` is not the BagIt 1.0 declaration.
    case badDeclaration = "V201"
    /// `manifest-sha256.txt` is missing.
    case missingPayloadManifest = "V202"
    /// A manifest line that does not parse.
    case malformedManifestLine = "V203"
    /// A file whose SHA-256 differs from the manifest's.
    case checksumMismatch = "V204"
    /// A file a manifest lists that is not in the archive.
    case listedFileMissing = "V205"
    /// A payload file no manifest lists.
    case unlistedPayload = "V206"
    /// `tagmanifest-sha256.txt` is missing.
    case missingTagManifest = "V207"
    /// A tag file `tagmanifest-sha256.txt` does not list.
    case unlistedTagFile = "V208"
    /// `bag-info.txt` is missing or malformed.
    case badBagInfo = "V209"
    /// `Payload-Oxum` differs from the payload.
    case payloadOxumMismatch = "V210"
    /// `Claim-Seal` in `bag-info.txt` differs from the seal.
    case bagInfoSealMismatch = "V211"

    // The manifest layer
    /// `manifest.xml` is missing.
    case missingManifest = "V300"
    /// An XML document with a DOCTYPE (refused before parsing: no DTDs, no entities).
    case doctypeRefused = "V301"
    /// An XML document that is not well-formed or breaks a size or depth limit.
    case malformedXML = "V302"
    /// An XML document that is not valid against its schema.
    case schemaViolation = "V303"
    /// An evidence file `manifest.xml` lists that is not in the archive.
    case evidenceMissing = "V304"
    /// An evidence file whose size differs from `manifest.xml`.
    case evidenceSizeMismatch = "V305"
    /// An evidence file whose SHA-256 differs from `manifest.xml`.
    case evidenceDigestMismatch = "V306"
    /// A file under `data/evidence/` that `manifest.xml` does not list.
    case evidenceUnlisted = "V307"
    /// A file under `data/` outside `data/evidence/` and `data/delivery/`, or under
    /// `data/delivery/` without an entry in `delivery.xml`.
    case unexpectedPayload = "V308"
    /// `manifest.xml`'s id differs from the bundle's folder name.
    case idMismatch = "V309"
    /// A schema the bundle carries (`claim-manifest-1.xsd`, `delivery-record-1.xsd`) that
    /// is not byte for byte the one this claimpack knows: a recipient validating with it
    /// could be misled.
    case schemaChanged = "V310"

    // The seal
    /// The seal differs from the one given with `--seal`.
    case sealMismatch = "V400"

    // The delivery record
    /// `delivery.xml` is missing.
    case missingDeliveryRecord = "V500"
    /// `delivery.xml` is bound to another seal or bundle.
    case deliveryNotBound = "V501"
    /// An event whose hash does not match its content: it was edited.
    case eventHashMismatch = "V502"
    /// An event whose `previous` is not the hash of the event before it: one was removed,
    /// inserted or moved.
    case eventChainBroken = "V503"
    /// Events in an impossible order (the first not `prepared`, a delivery before sending …).
    case eventOrder = "V504"
    /// A proof file `delivery.xml` lists that is missing or differs.
    case proofMismatch = "V505"
    /// An event dated before the claim's date, or before the event before it.
    case eventDate = "V506"
    /// An event dated after the day `verify` runs (a warning: the clock of the machine
    /// that recorded it, or a forged record).
    case eventInFuture = "V507"
    /// A tracking number that fails its carrier's check digit or format.
    case trackingNumber = "V508"
    /// `sent` by registered mail with no tracking number (a warning: `deliver` accepts it).
    case trackingMissing = "V509"

    // The chain of bundles (an escalated claim carrying the earlier one)
    /// `manifest.xml` cites an earlier bundle (`<follows>`) the archive does not hold, or
    /// holds unreadable.
    case followsMissing = "V600"
    /// The carried bundle's seal is not the one `manifest.xml` cites.
    case followsSealMismatch = "V601"
    /// The carried bundle's id is not the one `manifest.xml` cites.
    case followsIDMismatch = "V602"
    /// Bundles carried deeper than `VerificationRun.maximumFollowsDepth` (4).
    case followsTooDeep = "V603"
    /// The carried bundle could not be copied out to be checked (a limit, or no temporary
    /// space).
    case followsUnchecked = "V604"

    // Time-stamp tokens (RFC 3161) of `timestamped` events
    /// A token that cannot be read as a granted SHA-256 time-stamp response: larger than
    /// 1 MiB (refused before parsing), not DER, not granted, another digest algorithm; or
    /// the file of an earlier `timestamped` event.
    case timestampMalformed = "V700"
    /// A token that stamps another digest than the seal, or than the chain head its event
    /// names (an event under the anchor was rewritten).
    case timestampMismatch = "V701"
    /// A token whose signature does not hold for the certificate it carries.
    case timestampSignature = "V702"
    /// A token signed by a certificate whose extended key usage is not timeStamping alone,
    /// critical.
    case timestampKeyUsage = "V703"
    /// A valid token whose authority's certificate does not lead to a trusted root (a
    /// warning naming the missing root: give it with `--trust FILE.pem`).
    case timestampUntrusted = "V704"
}

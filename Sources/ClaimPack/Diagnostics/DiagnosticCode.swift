/// The stable code of a claim-folder diagnostic. Codes never change meaning; the table in
/// `docs/diagnostics.md` lists them all.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // The file itself
    /// `claim.yaml` is unreadable, not a regular file, not UTF-8, or too large.
    case unreadableClaimFile = "C001"
    /// YAML that does not parse.
    case yamlSyntax = "C002"
    /// A key given twice in one mapping.
    case duplicateKey = "C003"
    /// `format:` is missing or not a format this version reads.
    case unsupportedFormat = "C004"
    /// A YAML anchor (`&name`) or alias (`*name`): a claim writes every value out.
    case yamlAlias = "C005"
    /// More values (scalars, lists, mappings) than any claim needs.
    case yamlTooManyValues = "C006"
    /// Lists and mappings nested deeper than any claim needs.
    case yamlTooDeep = "C007"
    /// One value longer than a claim's text may be.
    case yamlValueTooLong = "C008"

    // Shape
    /// A key that format 1 does not know.
    case unknownKey = "C010"
    /// A required field is missing or empty.
    case missingField = "C011"
    /// A value of the wrong type: a list where text is expected, and so on.
    case wrongType = "C012"
    /// A value still holding the `<…>` placeholder written by `claimpack init`.
    case placeholder = "C013"
    /// A value that is not one of the words the field allows.
    case unknownValue = "C014"
    /// A number outside the range the field allows.
    case numberOutOfRange = "C015"
    /// An identifier (`id`, operation or evidence id) with characters it may not have.
    case invalidIdentifier = "C016"
    /// Text with control characters (other than line breaks and tabs), which no XML
    /// document and no letter can hold.
    case controlCharacter = "C017"

    // Values
    /// A date that is not `YYYY-MM-DD` or does not exist.
    case invalidDate = "C020"
    /// A date-time that is not ISO 8601 with a UTC offset.
    case invalidDateTime = "C021"
    /// A money amount that is not a quoted decimal string.
    case invalidAmount = "C022"
    /// A currency that is not an ISO 4217 code.
    case unknownCurrency = "C023"
    /// An INN whose length or check digits are wrong.
    case invalidINN = "C024"
    /// An OGRN or OGRNIP whose length or check digit is wrong.
    case invalidOGRN = "C025"
    /// An EDRPOU code whose length or check digit is wrong.
    case invalidEDRPOU = "C026"
    /// An e-mail address that is not one.
    case invalidEmail = "C027"

    // Consistency
    /// Timeline events out of date order.
    case timelineOrder = "C030"
    /// An event that names an operation id that does not exist.
    case unknownOperation = "C031"
    /// An event that names an evidence id that does not exist.
    case unknownEvidence = "C032"
    /// The same id used twice.
    case duplicateIdentifier = "C033"
    /// Two evidence entries for the same file.
    case duplicateEvidenceFile = "C034"
    /// Contact details the letter needs are missing.
    case missingContact = "C035"
    /// Registered mail without a declared value for Form 107.
    case missingDeclaredValue = "C036"
    /// Registered mail with a declared value of 0, which no post office takes with an inventory.
    case zeroDeclaredValue = "C037"
    /// A `follows:` bundle `build` would refuse: it does not verify, is not a claimpack
    /// bundle, carries too deep a chain or has another seal than the one cited.
    case earlierBundleRefused = "C038"

    // Evidence files
    /// An evidence entry whose file does not exist.
    case missingEvidenceFile = "C040"
    /// A file under `evidence/` with no entry; one is derived from its name and type.
    case undescribedEvidence = "C041"
    /// A hidden file or folder, skipped.
    case hiddenFileSkipped = "C042"
    /// A symbolic link: never followed.
    case symbolicLink = "C043"
    /// A path that is absolute, uses `..` or `.`, or is not under `evidence/`.
    case pathOutsideEvidence = "C044"
    /// Two names equal under Unicode NFC normalisation or letter case.
    case nameCollision = "C045"
    /// Something under `evidence/` that is not a regular file or folder.
    case notRegularFile = "C046"
    /// An evidence file or folder that cannot be read.
    case unreadableEvidence = "C047"
    /// A file or folder name that is not valid UTF-8, or has control characters or a backslash.
    case invalidFileName = "C048"
    /// The folder has no `evidence/` folder, or it is empty.
    case noEvidence = "C049"

    // Names on other systems
    /// An evidence file whose name or path Windows cannot hold (`PortableName`).
    case nonPortableName = "C050"

    // Law
    /// `response_days` shorter than the answer period the law gives (Templates/law/).
    case responsePeriodShorterThanLaw = "C060"
}

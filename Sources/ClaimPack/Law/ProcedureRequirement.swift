/// The act whose requirements a printed complaint or statement of claim follows (59-ФЗ
/// ст. 7, ГПК РФ ст. 131–132, «Про звернення громадян» ст. 5, ЦПК України ст. 175–177, CPR
/// 16.4): the `procedure:` section of `Templates/law/<jurisdiction>.yaml`.
public struct ProcedureRequirement: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    public let kind: ClaimKind
    /// The language of `citation`.
    public let language: Language
    /// The act as the document cites it: «ст. 131–132 ГПК РФ».
    public let citation: String
    /// The most characters the filing form takes, when it has a limit (Money Claim
    /// Online's particulars of claim: 1,080).
    public let characterLimit: Int?
    /// Where each requirement was read.
    public let sources: [LegalSource]
    /// Whether every requirement was read in the act's text.
    public let confirmed: Bool
}

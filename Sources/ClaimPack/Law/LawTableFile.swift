/// `Templates/law/<jurisdiction>.yaml` as written (docs/law.md describes the format).
struct LawTableFile: Decodable, Sendable {
    struct Source: Decodable, Sendable {
        let cite: String
        let url: String?
        let note: String?
        let confirmed: Bool
    }

    struct Registration: Decodable, Sendable {
        let within: Int
        let unit: PeriodUnit
    }

    struct Row: Decodable, Sendable {
        let kind: ClaimKind
        let sector: Sector?
        let days: Int
        let unit: PeriodUnit
        let start: String
        let registration: Registration?
        let citation: LawText
        let consequences: LawSentences?
        let authority: LawText?
        let note: LawText?
        let confirmed: Bool
        let sources: [Source]
    }

    struct Counting: Decodable, Sendable {
        /// Where a period starts (the day after the event).
        let start: LawText
        /// What happens to a last day that is not a working day.
        let end: LawText
        let sources: [Source]
    }

    struct Notes: Decodable, Sendable {
        /// Printed when `respondent.sector` is absent.
        let noSector: LawText
        /// Printed when a row's figures were not all read in the act's text.
        let unconfirmed: LawText

        enum CodingKeys: String, CodingKey {
            case noSector = "no_sector"
            case unconfirmed
        }
    }

    let jurisdiction: Jurisdiction
    /// The language the jurisdiction's law is written in.
    let native: Language
    let counting: Counting
    let notes: Notes
    let provisions: [Row]
}

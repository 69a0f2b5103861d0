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
        /// The period in words for the letter: «в течение 30 дней со дня регистрации претензии».
        let periodText: LawText?
        let consequences: LawSentences?
        let authority: LawText?
        let note: LawText?
        let confirmed: Bool
        let sources: [Source]

        enum CodingKeys: String, CodingKey {
            case kind, sector, days, unit, start, registration, citation, consequences, authority, note, confirmed, sources
            case periodText = "period_text"
        }
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

    /// A statutory penalty (`penalties:`, docs/escalation.md §3).
    struct Penalty: Decodable, Sendable {
        let id: String
        /// The sectors it applies to; absent: every sector.
        let sectors: [Sector]?
        /// The rate in hundredths of a percent (3 % is 300).
        let basisPoints: Int
        /// `day` or `year`.
        let per: String
        /// For a yearly rate: the days it is divided by.
        let daysInYear: Int?
        let capPercent: Int?
        let law: String
        let confirmed: Bool
        let sources: [Source]

        enum CodingKeys: String, CodingKey {
            case id, sectors, per, law, confirmed, sources
            case basisPoints = "basis_points"
            case daysInYear = "days_in_year"
            case capPercent = "cap_percent"
        }
    }

    /// The act a complaint or a statement of claim follows (`procedure:`).
    struct Procedure: Decodable, Sendable {
        let citation: LawText
        /// The most characters the form takes (Money Claim Online's particulars).
        let characters: Int?
        let confirmed: Bool
        let sources: [Source]
    }

    /// The court fee (`court_fee:`), amounts in whole units.
    struct Fee: Decodable, Sendable {
        struct Bracket: Decodable, Sendable {
            let from: Int
            let upTo: Int
            let fixed: Int
            let basisPoints: Int

            enum CodingKeys: String, CodingKey {
                case from, fixed
                case upTo = "up_to"
                case basisPoints = "basis_points"
            }
        }

        let currency: String
        let law: String
        let brackets: [Bracket]?
        let consumerExemptUpTo: Int?
        let consumersExempt: Bool?
        let exemptionLaw: String
        let confirmed: Bool
        let sources: [Source]

        enum CodingKeys: String, CodingKey {
            case currency, law, brackets, confirmed, sources
            case consumerExemptUpTo = "consumer_exempt_up_to"
            case consumersExempt = "consumers_exempt"
            case exemptionLaw = "exemption_law"
        }
    }

    /// Which court hears the claim (`courts:`).
    struct Courts: Decodable, Sendable {
        let currency: String?
        let justiceOfThePeaceUpTo: Int?
        let justiceOfThePeaceLaw: String?
        let otherwise: String
        let law: String
        let confirmed: Bool
        let sources: [Source]

        enum CodingKeys: String, CodingKey {
            case currency, otherwise, law, confirmed, sources
            case justiceOfThePeaceUpTo = "justice_of_the_peace_up_to"
            case justiceOfThePeaceLaw = "justice_of_the_peace_law"
        }
    }

    let jurisdiction: Jurisdiction
    /// The language the jurisdiction's law is written in.
    let native: Language
    let counting: Counting
    let notes: Notes
    let provisions: [Row]
    /// Absent in a table written before penalties were data: no penalty is computed then.
    let penalties: [Penalty]?
    /// By kind (`complaint`, `court`); absent in a table written before it.
    let procedure: [String: Procedure]?
    /// Absent where claimpack does not compute the fee (gb, us).
    let courtFee: Fee?
    let courts: Courts?

    enum CodingKeys: String, CodingKey {
        case jurisdiction, native, counting, notes, provisions, penalties, procedure, courts
        case courtFee = "court_fee"
    }
}

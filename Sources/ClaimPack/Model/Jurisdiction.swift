/// The country whose law governs the claim: it decides the answer period, the law the
/// letter cites and how a due date is counted. Independent of the letter's language.
public enum Jurisdiction: String, ClaimVocabulary {
    /// Russia.
    case ru
    /// Ukraine.
    case ua
    /// The United Kingdom (England and Wales).
    case gb
    /// The United States.
    case us

    /// The jurisdiction a claim in `language` has when `claim.yaml` names none:
    /// ru → ru, uk → ua, en → gb.
    public static func `default`(for language: Language) -> Jurisdiction {
        switch language {
        case .ru: .ru
        case .uk: .ua
        case .en: .gb
        }
    }
}

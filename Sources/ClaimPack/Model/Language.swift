/// The language of every printed document of a claim.
public enum Language: String, ClaimVocabulary {
    case ru
    case uk
    case en
}

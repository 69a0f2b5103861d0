/// How a timeline event reached the company or came from it.
public enum Channel: String, ClaimVocabulary {
    case phone
    case chat
    case email
    case webForm = "web-form"
    case office
    case mail
    case social
}

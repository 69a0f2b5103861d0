/// What an evidence file is.
public enum EvidenceKind: String, ClaimVocabulary {
    case screenshot
    case receipt
    case contract
    case correspondence
    case callNotes = "call-notes"
    case recording
    case photo
    case other
}

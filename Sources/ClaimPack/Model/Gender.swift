/// The grammatical gender of a person's name, for the verb and adjective forms of a
/// letter («вынужден»/«вынуждена», «змушений»/«змушена»).
public enum Gender: String, ClaimVocabulary {
    case female
    case male
}

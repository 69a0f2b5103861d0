/// How the claim is delivered to the addressee.
public enum DeliveryMethod: String, ClaimVocabulary {
    case registeredMail = "registered-mail"
    case email
    case portal
    case hand
    case courier
}

public import ArgumentParser
public import ClaimPack

/// `--language ru|uk|en`.
extension Language: ExpressibleByArgument {}
/// `deliver BUNDLE sent|delivered|returned|answered`: help and completion offer only these
/// (`prepared` is recorded by build, `timestamped` by timestamp).
extension DeliveryEvent.Kind: ExpressibleByArgument {
    public static var allValueStrings: [String] { [sent, delivered, returned, answered].map(\.rawValue) }
}
/// `--carrier russian-post|ukrposhta|usps|royal-mail|other`.
extension TrackingNumber.Carrier: ExpressibleByArgument {}
/// `--envelope dl|c5|label|none`.
extension LetterMaker.Envelope: ExpressibleByArgument {}
/// `init --from telecom|bank|shop|city-service`.
extension StartingPoint.Name: ExpressibleByArgument {}

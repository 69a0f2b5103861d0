public import ArgumentParser
public import ClaimPack

/// `--language ru|uk|en`.
extension Language: ExpressibleByArgument {}
/// `deliver BUNDLE sent|delivered|returned|answered`.
extension DeliveryEvent.Kind: ExpressibleByArgument {}
/// `--carrier russian-post|ukrposhta|usps|royal-mail|other`.
extension TrackingNumber.Carrier: ExpressibleByArgument {}
/// `--envelope dl|c5|label|none`.
extension LetterMaker.Envelope: ExpressibleByArgument {}
/// `init --from telecom|bank|shop|city-service`.
extension StartingPoint.Name: ExpressibleByArgument {}

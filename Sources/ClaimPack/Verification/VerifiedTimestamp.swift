/// A time-stamp token `verify` found good: it proves its digest, with a valid signature by
/// a time-stamping certificate. Whether that certificate leads to a trusted root is `trusted`.
public struct VerifiedTimestamp: Sendable, Hashable {
    /// The token's file inside the bundle's folder (`data/timestamps/NN-host.tsr`).
    public let path: String
    /// When the authority saw the digest, UTC (`2026-11-20T10:15:00Z`).
    public let time: String
    /// The authority as the token names it.
    public let authority: String
    /// The token's serial number, hexadecimal.
    public let serial: String
    /// What it stamps: the seal, or the delivery record's chain head.
    public let subject: DeliveryEvent.Token.Subject
    /// For a token of the record: the events it anchors, 1 to this number.
    public let anchoredEvents: Int?
    /// `true` when the chain leads to a trusted root, `false` when it does not (a warning
    /// says which root is missing), `nil` when no roots were asked for.
    public let trusted: Bool?
}

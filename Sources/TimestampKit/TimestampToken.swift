/// What a checked time-stamp token says: when, by whom, for which digest.
public struct TimestampToken: Sendable, Hashable {
    /// The whole TimeStampResp, DER, as stored in a bundle (`.tsr`).
    public let response: [UInt8]
    /// When the authority saw the digest (`genTime`), UTC.
    public let time: TimestampTime
    /// The authority: the TSA name the token gives, else the signing certificate's subject (RFC 2253).
    public let authority: String
    /// The subject of the certificate that signed the token (RFC 2253).
    public let signer: String
    /// The issuer of that certificate (RFC 2253): the root, or the intermediate, its chain needs.
    public let issuer: String
    /// The token's serial number, hexadecimal.
    public let serial: String
    /// The authority's policy (an OID).
    public let policy: String
    /// The digest stamped (SHA-256).
    public let imprint: [UInt8]
    /// The nonce the token echoes, big-endian, when it has one.
    public let nonce: [UInt8]?
}

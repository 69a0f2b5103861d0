/// Whose roots a time-stamp token's chain must lead to (`verify --trust`).
public enum TimestampTrust: Sendable, Hashable {
    /// The system's CA store (OpenSSL's default paths).
    case system
    /// Only these roots: each the contents of a PEM file of one or more certificates.
    case roots([[UInt8]])
}

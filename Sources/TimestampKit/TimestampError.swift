/// Why a time stamp could not be requested, obtained or accepted.
public enum TimestampError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An OpenSSL call failed; `message` is OpenSSL's own error text.
    case openSSL(operation: String, message: String)
    /// The digest to stamp is not a SHA-256 digest (32 bytes).
    case badDigest(count: Int)
    /// The bytes are not a DER time-stamp response (RFC 3161 TimeStampResp).
    case malformed(String)
    /// The authority did not grant the request; its status, text and failure info.
    case notGranted(String)
    /// The token stamps a digest made with another algorithm than SHA-256.
    case wrongAlgorithm(String)
    /// The token stamps another digest than the one given (another bundle's seal).
    case imprintMismatch(expected: String, found: String)
    /// The token does not echo the request's nonce (a replayed or foreign answer).
    case nonceMismatch(expected: String, found: String?)
    /// The token's signature does not hold for the certificate it carries.
    case badSignature(String)
    /// The signing certificate is not a time-stamping authority's (extended key usage).
    case keyUsage(String)
    /// The signing certificate does not lead to one of the given roots.
    case untrusted(String)
    /// A file of trusted roots holds no PEM certificate or cannot be read.
    case badRoots(String)
    /// The authority's URL is not an http or https URL.
    case badURL(String)
    /// The authority cannot be reached or did not answer in time.
    case unreachable(url: String, reason: String)
    /// The authority answered with a redirect, which is refused.
    case redirected(url: String, location: String?)
    /// The authority answered with an HTTP status other than 200.
    case httpStatus(url: String, status: Int)
    /// The authority answered with something else than a time-stamp reply (an HTML page).
    case notTimestampReply(url: String, contentType: String?)
    /// The answer is larger than the limit.
    case responseTooLarge(url: String, limit: Int)
    /// libcurl, opened when the first request is sent, cannot be loaded: its name, the
    /// Debian package that installs it, and the dynamic loader's reason.
    case libraryMissing(library: String, package: String, reason: String)

    public var description: String {
        switch self {
        case .openSSL(let operation, let message): "OpenSSL failed in \(operation): \(message)"
        case .badDigest(let count): "a SHA-256 digest has 32 bytes, not \(count)"
        case .malformed(let reason): "not a time-stamp response: \(reason)"
        case .notGranted(let status): "the time-stamping authority refused the request: \(status)"
        case .wrongAlgorithm(let name): "the token stamps a \(name) digest, not SHA-256"
        case .imprintMismatch(let expected, let found): "the token stamps \(found), not this bundle's seal \(expected)"
        case .nonceMismatch(let expected, let found):
            "the token does not answer this request: its nonce is \(found ?? "missing"), the request's \(expected)"
        case .badSignature(let reason): "the token's signature does not hold: \(reason)"
        case .keyUsage(let reason): "the token is not signed by a time-stamping certificate: \(reason)"
        case .untrusted(let reason): "the authority's certificate does not lead to a trusted root: \(reason)"
        case .badRoots(let reason): "the trusted roots cannot be used: \(reason)"
        case .badURL(let url): "\(url) is not an http:// or https:// URL"
        case .unreachable(let url, let reason): "the time-stamping authority \(url) cannot be reached: \(reason)"
        case .redirected(let url, let location):
            "\(url) answered with a redirect\(location.map { " to \($0)" } ?? ""); redirects are refused: give the authority's own URL"
        case .httpStatus(let url, let status): "\(url) answered with HTTP status \(status), not a time stamp"
        case .notTimestampReply(let url, let contentType):
            "\(url) answered with \(contentType.map { "\"\($0)\"" } ?? "no content type"), not application/timestamp-reply: is it a time-stamping authority's URL?"
        case .responseTooLarge(let url, let limit): "\(url) answered with more than \(limit >> 20) MiB; a time-stamp reply is a few KiB"
        case .libraryMissing(let library, let package, let reason):
            "\(library) cannot be loaded (\(reason)); install Debian's package \(package) (apt install \(package))"
        }
    }
}

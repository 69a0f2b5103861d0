internal import COpenSSL

/// An RFC 3161 TimeStampReq for a SHA-256 digest: version 1, the digest as the message
/// imprint, a random 64-bit nonce and `certReq` true (the token carries the authority's
/// certificate), DER-encoded.
public struct TimestampRequest: Sendable, Hashable {
    /// The request as sent (`application/timestamp-query`).
    public let der: [UInt8]
    /// The digest stamped.
    public let digest: [UInt8]
    /// The nonce, big-endian; the token must echo it.
    public let nonce: [UInt8]

    /// Makes a request for `digest` with a fresh random nonce.
    ///
    /// - Throws: `.badDigest` when `digest` is not 32 bytes, `.openSSL` when OpenSSL fails.
    public init(sha256 digest: [UInt8]) throws(TimestampError) {
        guard digest.count == 32 else { throw .badDigest(count: digest.count) }
        ERR_clear_error()
        let request = try OpenSSL.check(TS_REQ_new(), "TS_REQ_new")
        defer { TS_REQ_free(request) }
        try OpenSSL.check(TS_REQ_set_version(request, 1), "TS_REQ_set_version")

        let imprint = try OpenSSL.check(TS_MSG_IMPRINT_new(), "TS_MSG_IMPRINT_new")
        defer { TS_MSG_IMPRINT_free(imprint) }
        let algorithm = try OpenSSL.check(X509_ALGOR_new(), "X509_ALGOR_new")
        defer { X509_ALGOR_free(algorithm) }
        try OpenSSL.check(X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nil), "X509_ALGOR_set0")
        try OpenSSL.check(TS_MSG_IMPRINT_set_algo(imprint, algorithm), "TS_MSG_IMPRINT_set_algo")
        var message = digest
        try OpenSSL.check(TS_MSG_IMPRINT_set_msg(imprint, &message, Int32(message.count)), "TS_MSG_IMPRINT_set_msg")
        try OpenSSL.check(TS_REQ_set_msg_imprint(request, imprint), "TS_REQ_set_msg_imprint")

        let number = try OpenSSL.check(BN_new(), "BN_new")
        defer { BN_free(number) }
        try OpenSSL.check(BN_rand(number, 64, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY), "BN_rand")
        let integer = try OpenSSL.check(BN_to_ASN1_INTEGER(number, nil), "BN_to_ASN1_INTEGER")
        defer { ASN1_INTEGER_free(integer) }
        try OpenSSL.check(TS_REQ_set_nonce(request, integer), "TS_REQ_set_nonce")
        try OpenSSL.check(TS_REQ_set_cert_req(request, 1), "TS_REQ_set_cert_req")

        self.der = try OpenSSL.encode("i2d_TS_REQ") { i2d_TS_REQ(request, $0) }
        self.digest = digest
        self.nonce = OpenSSL.bytes(of: number)
    }
}

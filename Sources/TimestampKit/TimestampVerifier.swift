internal import COpenSSL

/// Checks time-stamp responses: that they answer a request (or stamp a digest), that their
/// signature holds for the certificate they carry, that this certificate is a
/// time-stamping authority's, and, as a separate step, that it leads to trusted roots.
public enum TimestampVerifier {
    /// Checks an answer to `request`: status granted, SHA-256 imprint equal to the request's
    /// digest, the request's nonce echoed, the signature valid for the token's own
    /// certificate, whose extended key usage is timeStamping (critical), which was valid
    /// at the token's time and which is the authority the token names, if it names one.
    ///
    /// The chain of the authority's certificate is not checked (`verifyChain`).
    public static func check(_ response: [UInt8], answering request: TimestampRequest) throws(TimestampError) -> TimestampToken {
        try check(response, digest: request.digest, nonce: request.nonce)
    }

    /// Checks a response obtained elsewhere against `digest`, as `check(_:answering:)`
    /// does but without a nonce to compare (`nonce` nil), or with one.
    public static func check(_ response: [UInt8], digest: [UInt8], nonce: [UInt8]? = nil) throws(TimestampError) -> TimestampToken {
        let parsed = try ParsedResponse(response)
        try parsed.checkGranted()
        let token = try parsed.token()
        guard token.imprint == digest else { throw .imprintMismatch(expected: OpenSSL.hex(digest), found: OpenSSL.hex(token.imprint)) }
        if let nonce {
            guard let echoed = token.nonce, echoed.drop(while: { $0 == 0 }) == nonce.drop(while: { $0 == 0 }) else {
                throw .nonceMismatch(expected: OpenSSL.hex(nonce), found: token.nonce.map(OpenSSL.hex))
            }
        }
        try parsed.checkKeyUsage()
        try parsed.checkAuthorityName()
        // The token's own certificate as the only trust anchor: the signature and the
        // certificate's purpose are checked, its issuer is not.
        try parsed.withSigner { (signer) throws(TimestampError) in
            let store = try OpenSSL.check(X509_STORE_new(), "X509_STORE_new")
            defer { X509_STORE_free(store) }
            try OpenSSL.check(X509_STORE_add_cert(store, signer), "X509_STORE_add_cert")
            try OpenSSL.check(X509_STORE_set_flags(store, UInt(X509_V_FLAG_PARTIAL_CHAIN)), "X509_STORE_set_flags")
            try parsed.verifySignature(store: store) { .badSignature($0) }
        }
        return token
    }

    /// Checks that the certificate that signed `response` leads to one of `roots`, and the
    /// signature with it (OpenSSL's `TS_RESP_verify_signature` with those roots trusted).
    ///
    /// The certificates are judged at the token's time (`genTime`), not now: a token stays
    /// good after its authority's certificate expires, as a signature made while it was
    /// valid; a token signed by a certificate that had expired, or was not yet valid, at
    /// that time does not lead to a root. Revocation is not checked.
    ///
    /// - Parameter roots: the trusted roots, each the contents of a PEM file (one or more
    ///   certificates); `nil` trusts the system's CA store.
    /// - Throws: `.untrusted` with OpenSSL's reason when the chain does not complete;
    ///   `.badRoots` when a file holds no certificate.
    public static func verifyChain(_ response: [UInt8], roots: [[UInt8]]?) throws(TimestampError) {
        let parsed = try ParsedResponse(response)
        try parsed.checkGranted()
        let store = try OpenSSL.check(X509_STORE_new(), "X509_STORE_new")
        defer { X509_STORE_free(store) }
        if let roots {
            for (index, pem) in roots.enumerated() {
                let added = try addCertificates(pem, to: store)
                guard added > 0 else { throw .badRoots("file \(index + 1) holds no PEM certificate") }
            }
        } else {
            try OpenSSL.check(X509_STORE_set_default_paths(store), "X509_STORE_set_default_paths")
        }
        try parsed.verifySignature(store: store) { .untrusted($0) }
    }

    /// Checks a stored token against the seal it should stamp and, when given, roots;
    /// never throws: what it finds is in the result (for `verify`).
    public static func inspect(_ response: [UInt8], digest: [UInt8], roots: [[UInt8]]?) -> TimestampInspection {
        let token: TimestampToken
        do {
            token = try check(response, digest: digest)
        } catch {
            let readable = try? ParsedResponse(response).token()
            return TimestampInspection(token: readable, problem: error, chain: .notChecked)
        }
        guard let roots else { return TimestampInspection(token: token, problem: nil, chain: .notChecked) }
        do {
            try verifyChain(response, roots: roots)
            return TimestampInspection(token: token, problem: nil, chain: .trusted)
        } catch {
            return TimestampInspection(token: token, problem: nil, chain: .incomplete(error))
        }
    }

    /// Adds every certificate of a PEM text to `store`; returns how many.
    private static func addCertificates(_ pem: [UInt8], to store: OpaquePointer) throws(TimestampError) -> Int {
        let memory = try OpenSSL.check(BIO_new(BIO_s_mem()), "BIO_new")
        defer { BIO_free(memory) }
        guard pem.withUnsafeBytes({ BIO_write(memory, $0.baseAddress, Int32($0.count)) }) == Int32(pem.count) else {
            throw .openSSL(operation: "BIO_write", message: OpenSSL.errorText())
        }
        var count = 0
        while let certificate = PEM_read_bio_X509(memory, nil, nil, nil) {
            defer { X509_free(certificate) }
            try OpenSSL.check(X509_STORE_add_cert(store, certificate), "X509_STORE_add_cert")
            count += 1
        }
        ERR_clear_error()  // the end of the text reads as "no start line"
        return count
    }
}

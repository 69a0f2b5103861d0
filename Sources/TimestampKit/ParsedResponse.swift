internal import COpenSSL

/// A DER TimeStampResp parsed by OpenSSL; owns the `TS_RESP` and frees it.
final class ParsedResponse {
    /// The largest response read: a token is a few KiB, its certificates included.
    static let maximumBytes = 1 << 20

    let der: [UInt8]
    private let response: OpaquePointer

    /// Parses `der`: exactly one TimeStampResp, nothing after it.
    init(_ der: [UInt8]) throws(TimestampError) {
        guard !der.isEmpty else { throw .malformed("it is empty") }
        guard der.count <= ParsedResponse.maximumBytes else { throw .malformed("it is larger than \(ParsedResponse.maximumBytes >> 20) MiB") }
        ERR_clear_error()
        var consumed = 0
        let parsed = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            let result = d2i_TS_RESP(nil, &cursor, buffer.count)
            if let start = buffer.baseAddress, let cursor { consumed = cursor - start }
            return result
        }
        guard let parsed else { throw .malformed("DER does not parse (\(OpenSSL.errorText()))") }
        guard consumed == der.count else {
            TS_RESP_free(parsed)
            throw .malformed("\(der.count - consumed) bytes follow the response")
        }
        self.der = der
        self.response = parsed
    }

    deinit { TS_RESP_free(response) }

    /// Throws unless the status is granted (0) or granted with modifications (1).
    func checkGranted() throws(TimestampError) {
        let info = try OpenSSL.check(TS_RESP_get_status_info(response), "TS_RESP_get_status_info")
        let status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(info))
        guard status == 0 || status == 1 else {
            let text = (try? OpenSSL.text("TS_STATUS_INFO_print_bio") { TS_STATUS_INFO_print_bio($0, info) }) ?? "status \(status)"
            throw .notGranted(text.split(whereSeparator: \.isNewline).joined(separator: "; "))
        }
        guard TS_RESP_get_token(response) != nil, TS_RESP_get_tst_info(response) != nil else {
            throw .malformed("granted, but it carries no token")
        }
    }

    /// What the token says; its signature is not checked here.
    func token() throws(TimestampError) -> TimestampToken {
        let info = try OpenSSL.check(TS_RESP_get_tst_info(response), "TS_RESP_get_tst_info")
        let imprint = try OpenSSL.check(TS_TST_INFO_get_msg_imprint(info), "TS_TST_INFO_get_msg_imprint")
        var algorithm: OpaquePointer?
        X509_ALGOR_get0(&algorithm, nil, nil, TS_MSG_IMPRINT_get_algo(imprint))
        guard let algorithm, OBJ_obj2nid(algorithm) == NID_sha256 else {
            throw .wrongAlgorithm(algorithm.map { OpenSSL.objectText($0, numeric: false) } ?? "unknown")
        }
        let message = try OpenSSL.check(TS_MSG_IMPRINT_get_msg(imprint), "TS_MSG_IMPRINT_get_msg")
        let digest = Array(UnsafeBufferPointer(start: ASN1_STRING_get0_data(message), count: Int(ASN1_STRING_length(message))))

        let moment = try genTime()
        let time = TimestampTime(year: Int(moment.tm_year) + 1900, month: Int(moment.tm_mon) + 1, day: Int(moment.tm_mday),
                                 hour: Int(moment.tm_hour), minute: Int(moment.tm_min), second: Int(moment.tm_sec))

        let serial = OpenSSL.hex(try OpenSSL.bytes(of: try OpenSSL.check(TS_TST_INFO_get_serial(info), "TS_TST_INFO_get_serial")))
        let nonce = try TS_TST_INFO_get_nonce(info).map { (integer) throws(TimestampError) in try OpenSSL.bytes(of: integer) }
        let policy = TS_TST_INFO_get_policy_id(info).map { OpenSSL.objectText($0, numeric: true) } ?? ""
        let (signer, issuer) = try withSigner { (certificate) throws(TimestampError) in
            (try OpenSSL.text(of: try OpenSSL.check(X509_get_subject_name(certificate), "X509_get_subject_name")),
             try OpenSSL.text(of: try OpenSSL.check(X509_get_issuer_name(certificate), "X509_get_issuer_name")))
        }
        var authority = signer
        if let name = TS_TST_INFO_get_tsa(info) {
            if name.pointee.type == GEN_DIRNAME, let directory = name.pointee.d.directoryName {
                authority = try OpenSSL.text(of: directory)
            } else if let text = try? OpenSSL.text("GENERAL_NAME_print", { GENERAL_NAME_print($0, name) }) {
                authority = text
            }
        }
        return TimestampToken(response: der, time: time, authority: authority, signer: signer, issuer: issuer,
                              serial: serial, policy: policy, imprint: digest, nonce: nonce)
    }

    /// The token's `genTime`, broken down in UTC.
    func genTime() throws(TimestampError) -> tm {
        let info = try OpenSSL.check(TS_RESP_get_tst_info(response), "TS_RESP_get_tst_info")
        let generalized = try OpenSSL.check(TS_TST_INFO_get_time(info), "TS_TST_INFO_get_time")
        var moment = tm()
        try OpenSSL.check(ASN1_TIME_to_tm(generalized, &moment), "ASN1_TIME_to_tm")
        return moment
    }

    /// Calls `body` with the one certificate that signed the token.
    func withSigner<Result>(_ body: (OpaquePointer) throws(TimestampError) -> Result) throws(TimestampError) -> Result {
        let token = try OpenSSL.check(TS_RESP_get_token(response), "TS_RESP_get_token")
        guard let signers = PKCS7_get0_signers(token, nil, 0) else {
            throw .badSignature("the token does not carry its signer's certificate (\(OpenSSL.errorText()))")
        }
        defer { cp_sk_x509_free(signers) }
        guard cp_sk_x509_num(signers) == 1, let signer = cp_sk_x509_value(signers, 0) else {
            throw .badSignature("the token has \(cp_sk_x509_num(signers)) signers, not one")
        }
        return try body(signer)
    }

    /// Checks that the authority the token names (its TSTInfo's `tsa`, when present) is the
    /// certificate that signed it: its subject, or one of its subject alternative names
    /// (RFC 3161 §2.4.2), so that a token cannot claim another authority's name.
    func checkAuthorityName() throws(TimestampError) {
        let info = try OpenSSL.check(TS_RESP_get_tst_info(response), "TS_RESP_get_tst_info")
        guard let name = TS_TST_INFO_get_tsa(info) else { return }
        try withSigner { (certificate) throws(TimestampError) in
            if name.pointee.type == GEN_DIRNAME, let directory = name.pointee.d.directoryName,
               X509_NAME_cmp(directory, X509_get_subject_name(certificate)) == 0 { return }
            if let alternatives = cp_x509_subject_alt_names(certificate) {
                defer { GENERAL_NAMES_free(alternatives) }
                for index in 0..<cp_sk_general_name_num(alternatives) where GENERAL_NAME_cmp(cp_sk_general_name_value(alternatives, index), name) == 0 {
                    return
                }
            }
            let named = (try? OpenSSL.text("GENERAL_NAME_print") { GENERAL_NAME_print($0, name) }) ?? "another name"
            let signer = (try? OpenSSL.text(of: try OpenSSL.check(X509_get_subject_name(certificate), "X509_get_subject_name"))) ?? "?"
            throw .badSignature("the token names the authority \(named), but is signed by \(signer)")
        }
    }

    /// Checks the signing certificate's extended key usage: timeStamping only, critical
    /// (RFC 3161 §2.3).
    func checkKeyUsage() throws(TimestampError) {
        try withSigner { (certificate) throws(TimestampError) in
            guard X509_get_extension_flags(certificate) & UInt32(EXFLAG_XKUSAGE) != 0 else {
                throw .keyUsage("its certificate has no extended key usage")
            }
            guard X509_get_extended_key_usage(certificate) == UInt32(XKU_TIMESTAMP) else {
                throw .keyUsage("its certificate's extended key usage is not timeStamping alone")
            }
            let index = X509_get_ext_by_NID(certificate, NID_ext_key_usage, -1)
            guard index >= 0, X509_EXTENSION_get_critical(X509_get_ext(certificate, index)) == 1 else {
                throw .keyUsage("its certificate's extended key usage is not marked critical")
            }
        }
    }

    /// Checks the CMS signature, the ESS signing-certificate binding and the signer's
    /// purpose against `store` (OpenSSL's `TS_RESP_verify_signature`); the store owns the
    /// trust anchors. The certificates are judged at the token's time (`genTime`), not now:
    /// a token stays good after its authority's certificate expires, as a signature made
    /// while it was valid. `failure` makes the error from OpenSSL's text.
    func verifySignature(store: OpaquePointer, failure: (String) -> TimestampError) throws(TimestampError) {
        let token = try OpenSSL.check(TS_RESP_get_token(response), "TS_RESP_get_token")
        var moment = try genTime()
        X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), timegm(&moment))
        ERR_clear_error()
        guard TS_RESP_verify_signature(token, nil, store, nil) == 1 else { throw failure(OpenSSL.errorText()) }
    }
}

import Foundation
import Testing
@testable import TimestampKit

/// Requests and responses against `openssl ts` as the independent witness.
@Suite struct TimestampVerifierTests {
    let digest: [UInt8] = (0..<32).map { UInt8($0 * 7 & 0xff) }

    @Test func requestIsReadByOpenSSL() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        try Data(request.der).write(to: authority.folder.appendingPathComponent("r.tsq"))
        let text = try LocalAuthority.openssl(["ts", "-query", "-in", "r.tsq", "-text"], in: authority.folder).output
        #expect(text.contains("Hash Algorithm: sha256"))
        #expect(text.contains("Certificate required: yes"))
        #expect(text.contains("Nonce: 0x" + request.nonce.map { String(format: "%02X", $0) }.joined()))
        #expect(text.contains("0000 - 00 07 0e 15"))
        #expect(request.nonce.count == 8)
        #expect(try TimestampRequest(sha256: digest).nonce != request.nonce)
    }

    @Test func acceptsOpenSSLReplyAndReadsIt() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        let token = try TimestampVerifier.check(try authority.reply(to: request.der), answering: request)
        #expect(token.imprint == digest)
        #expect(token.nonce == request.nonce)
        #expect(token.authority == "CN=claimpack test TSA,O=claimpack tests")
        #expect(token.signer == token.authority)
        #expect(token.issuer == "CN=claimpack test root")
        #expect(token.policy == "1.2.3.4.1")
        #expect(!token.serial.isEmpty)
        let now = Date().timeIntervalSince1970
        let stamped = try #require(ISO8601DateFormatter().date(from: token.time.description)).timeIntervalSince1970
        #expect(abs(stamped - now) < 120)
    }

    @Test func chainToTheRightRootOnly() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        let response = try authority.reply(to: request.der)
        try TimestampVerifier.verifyChain(response, roots: [authority.rootPEM])
        #expect {
            try TimestampVerifier.verifyChain(response, roots: [authority.otherRootPEM])
        } throws: { error in
            guard case TimestampError.untrusted(let reason) = error else { return false }
            return reason.contains("self-signed certificate in certificate chain")  // the token carries its root
        }
        #expect(throws: TimestampError.badRoots("file 1 holds no PEM certificate")) {
            try TimestampVerifier.verifyChain(response, roots: [Array("not a certificate".utf8)])
        }
        let inspected = TimestampVerifier.inspect(response, digest: digest, roots: [authority.otherRootPEM])
        #expect(inspected.problem == nil)
        guard case .incomplete = inspected.chain else { Issue.record("chain \(inspected.chain)"); return }
    }

    @Test func refusesAnotherDigestOrAnotherNonce() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        let response = try authority.reply(to: request.der)
        let other = [UInt8](repeating: 0xab, count: 32)
        #expect(throws: TimestampError.imprintMismatch(expected: String(repeating: "ab", count: 32),
                                                       found: digest.map { String(format: "%02x", $0) }.joined())) {
            try TimestampVerifier.check(response, digest: other)
        }
        let second = try TimestampRequest(sha256: digest)
        #expect {
            try TimestampVerifier.check(response, answering: second)
        } throws: { error in
            if case TimestampError.nonceMismatch = error { return true }
            return false
        }
        let inspected = TimestampVerifier.inspect(response, digest: other, roots: nil)
        #expect(inspected.token?.imprint == digest)
        #expect(inspected.problem != nil)
    }

    @Test func refusesABrokenSignature() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        var response = try authority.reply(to: request.der)
        response[response.count - 3] ^= 0x5a  // inside the ECDSA signature, the last field
        #expect {
            try TimestampVerifier.check(response, answering: request)
        } throws: { error in
            if case TimestampError.badSignature = error { return true }
            return false
        }
    }

    @Test func refusesARejectionWithItsReason() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        // SHA-1 is not among the digests the test authority accepts: it answers "rejection".
        try LocalAuthority.openssl(["ts", "-query", "-data", "tsa.cnf", "-sha1", "-cert", "-out", "sha1.tsq"], in: authority.folder)
        let response = try authority.reply(to: [UInt8](Data(contentsOf: authority.folder.appendingPathComponent("sha1.tsq"))))
        #expect {
            try TimestampVerifier.check(response, digest: digest)
        } throws: { error in
            guard case TimestampError.notGranted(let text) = error else { return false }
            return text.contains("Rejected") && text.contains("unrecognized or unsupported algorithm")
        }
    }

    @Test(arguments: [[], [0x30, 0x03, 0x02, 0x01], Array("<html>nope</html>".utf8)])
    func refusesWhatIsNotAResponse(bytes: [UInt8]) {
        #expect {
            try TimestampVerifier.check(bytes, digest: digest)
        } throws: { error in
            if case TimestampError.malformed = error { return true }
            return false
        }
    }

    @Test func refusesTruncatedOrTrailingBytes() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        let response = try authority.reply(to: request.der)
        for bytes in [Array(response.dropLast(10)), response + [0]] {
            #expect {
                try TimestampVerifier.check(bytes, answering: request)
            } throws: { error in
                if case TimestampError.malformed = error { return true }
                return false
            }
        }
    }

    @Test func refusesADigestOfAnotherSize() {
        #expect(throws: TimestampError.badDigest(count: 20)) { try TimestampRequest(sha256: Array(repeating: 1, count: 20)) }
    }
}

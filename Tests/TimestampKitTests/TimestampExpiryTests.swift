import Foundation
import Testing
@testable import TimestampKit

/// The chain of a token is judged at the token's time: an authority whose certificate was
/// valid from 2020-01-01 to 2021-01-01 (made with `openssl ca`, under a root valid
/// 2019–2040) signs a token dated 2020-06-01 and one dated 2022-06-01 (the TSTInfo of a
/// real `openssl ts -reply` with its genTime set, signed again with `openssl cms`).
/// `openssl ts -verify -attime` is the witness.
@Suite struct TimestampExpiryTests {
    let digest: [UInt8] = (0..<32).map { UInt8($0 * 5 & 0xff) }

    static let config = """
        [ ca ]
        default_ca = old
        [ old ]
        dir = .
        database = index.txt
        new_certs_dir = .
        serial = old-serial
        default_md = sha256
        policy = anything
        preserve = yes
        unique_subject = no
        [ anything ]
        organizationName = optional
        commonName = supplied
        [ root_ext ]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        [ tsa_ext ]
        basicConstraints = CA:FALSE
        keyUsage = critical,digitalSignature,nonRepudiation
        extendedKeyUsage = critical,timeStamping
        """

    /// Makes in `folder` (with their keys) `old-root.pem`, `old-tsa.pem` (named as the local
    /// authority's TSA, which names itself in its tokens) and `stranger.pem` (another name,
    /// valid 2019–2040).
    static func expiredAuthority(in folder: URL) throws {
        try Data(config.utf8).write(to: folder.appendingPathComponent("old.cnf"))
        try Data().write(to: folder.appendingPathComponent("index.txt"))
        try Data("1000\n".utf8).write(to: folder.appendingPathComponent("old-serial"))
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        let steps: [[String]] = [
            ["req", "-new"] + ec + ["-keyout", "old-root.key", "-out", "old-root.csr", "-subj", "/CN=old root"],
            ["ca", "-config", "old.cnf", "-selfsign", "-keyfile", "old-root.key", "-in", "old-root.csr", "-out", "old-root.pem",
             "-startdate", "20190101000000Z", "-enddate", "20400101000000Z", "-extensions", "root_ext", "-batch", "-notext"],
            ["req", "-new"] + ec + ["-keyout", "old-tsa.key", "-out", "old-tsa.csr", "-subj", "/O=claimpack tests/CN=claimpack test TSA"],
            ["ca", "-config", "old.cnf", "-cert", "old-root.pem", "-keyfile", "old-root.key", "-in", "old-tsa.csr", "-out", "old-tsa.pem",
             "-startdate", "20200101000000Z", "-enddate", "20210101000000Z", "-extensions", "tsa_ext", "-batch", "-notext"],
            ["req", "-new"] + ec + ["-keyout", "stranger.key", "-out", "stranger.csr", "-subj", "/CN=another TSA"],
            ["ca", "-config", "old.cnf", "-cert", "old-root.pem", "-keyfile", "old-root.key", "-in", "stranger.csr", "-out", "stranger.pem",
             "-startdate", "20190101000000Z", "-enddate", "20400101000000Z", "-extensions", "tsa_ext", "-batch", "-notext"],
        ]
        for step in steps {
            let result = try LocalAuthority.openssl(step, in: folder)
            try #require(result.status == 0, "openssl \(step.joined(separator: " ")): \(result.output)")
        }
    }

    /// A TimeStampResp for `digest` dated `genTime` (`YYYYMMDDHHMMSSZ`), signed by `signer`
    /// (`old-tsa` or `stranger`, a .pem and a .key).
    static func token(for digest: [UInt8], at genTime: String, signer: String = "old-tsa", authority: LocalAuthority) throws -> [UInt8] {
        let folder = authority.folder
        let request = try TimestampRequest(sha256: digest)
        try Data(try authority.reply(to: request.der)).write(to: folder.appendingPathComponent("real.tsr"))
        for step in [["ts", "-reply", "-in", "real.tsr", "-token_out", "-out", "real-token.der"],
                     ["cms", "-verify", "-noverify", "-inform", "DER", "-in", "real-token.der", "-out", "tstinfo.der"]] {
            let result = try LocalAuthority.openssl(step, in: folder)
            try #require(result.status == 0, "\(result.output)")
        }
        var info = [UInt8](try Data(contentsOf: folder.appendingPathComponent("tstinfo.der")))
        // The GeneralizedTime: tag 0x18, 15 bytes YYYYMMDDHHMMSSZ (the authority gives whole seconds).
        let at = try #require(info.indices.dropLast(17).first { info[$0] == 0x18 && info[$0 + 1] == 15 && info[$0 + 16] == UInt8(ascii: "Z") })
        info.replaceSubrange(at + 2..<at + 17, with: Array(genTime.utf8))
        try Data(info).write(to: folder.appendingPathComponent("tstinfo-\(genTime).der"))
        let signed = try LocalAuthority.openssl(["cms", "-sign", "-binary", "-nodetach", "-cades", "-md", "sha256",
                                                 "-econtent_type", "1.2.840.113549.1.9.16.1.4", "-in", "tstinfo-\(genTime).der",
                                                 "-signer", "\(signer).pem", "-inkey", "\(signer).key", "-outform", "DER",
                                                 "-out", "signed-\(genTime).der"], in: folder)
        try #require(signed.status == 0, "\(signed.output)")
        let content = [0x30, 0x03, 0x02, 0x01, 0x00] + [UInt8](try Data(contentsOf: folder.appendingPathComponent("signed-\(genTime).der")))
        let count = content.count
        let length: [UInt8] = count < 0x80 ? [UInt8(count)] : count < 0x100 ? [0x81, UInt8(count)] : [0x82, UInt8(count >> 8), UInt8(count & 0xff)]
        return [0x30] + length + content
    }

    @Test func aCertificateThatHasExpiredSinceStillLeadsToItsRoot() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        try Self.expiredAuthority(in: authority.folder)
        let root = [UInt8](try Data(contentsOf: authority.folder.appendingPathComponent("old-root.pem")))

        let then = try Self.token(for: digest, at: "20200601120000Z", authority: authority)
        let token = try TimestampVerifier.check(then, digest: digest)
        #expect(token.time.description == "2020-06-01T12:00:00Z")
        #expect(token.signer == "CN=claimpack test TSA,O=claimpack tests" && token.issuer == "CN=old root")
        try TimestampVerifier.verifyChain(then, roots: [root])
        let inspected = TimestampVerifier.inspect(then, digest: digest, roots: [root])
        #expect(inspected.problem == nil)
        guard case .trusted = inspected.chain else { Issue.record("chain \(inspected.chain)"); return }

        // The witness: openssl refuses it now (the certificate has expired) and accepts it at the token's time.
        let file = authority.folder.appendingPathComponent("then.tsr")
        try Data(then).write(to: file)
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let now = try LocalAuthority.openssl(["ts", "-verify", "-digest", hex, "-in", file.path, "-CAfile", "old-root.pem"], in: authority.folder)
        #expect(now.status != 0 && now.output.contains("certificate has expired"), "\(now.output)")
        let attime = try LocalAuthority.openssl(["ts", "-verify", "-digest", hex, "-in", file.path, "-CAfile", "old-root.pem",
                                                 "-attime", "1591012800"], in: authority.folder)
        #expect(attime.status == 0 && attime.output.contains("Verification: OK"), "\(attime.output)")
    }

    @Test func aTokenSignedAfterItsCertificateExpiredDoesNot() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        try Self.expiredAuthority(in: authority.folder)
        let root = [UInt8](try Data(contentsOf: authority.folder.appendingPathComponent("old-root.pem")))
        let late = try Self.token(for: digest, at: "20220601120000Z", authority: authority)
        // Signed when its certificate had expired (or was not yet valid): refused as a
        // signature (V702 in verify), and its chain does not complete at its time either.
        let early = try Self.token(for: digest, at: "20191201120000Z", authority: authority)
        for (token, reason) in [(late, "certificate has expired"), (early, "certificate is not yet valid")] {
            #expect {
                _ = try TimestampVerifier.check(token, digest: digest)
            } throws: { error in
                guard case TimestampError.badSignature(let text) = error else { return false }
                return text.contains(reason)
            }
            #expect {
                try TimestampVerifier.verifyChain(token, roots: [root])
            } throws: { error in
                guard case TimestampError.untrusted(let text) = error else { return false }
                return text.contains(reason)
            }
            guard case .badSignature? = TimestampVerifier.inspect(token, digest: digest, roots: [root]).problem else {
                Issue.record("not refused as a signature")
                continue
            }
        }
    }

    /// A token that names one authority (its TSTInfo's tsa) but is signed by another's
    /// certificate is refused, and `openssl ts -verify` refuses it too.
    @Test func aTokenSignedByAnotherThanTheAuthorityItNamesIsRefused() throws {
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        try Self.expiredAuthority(in: authority.folder)
        let forged = try Self.token(for: digest, at: "20300601120000Z", signer: "stranger", authority: authority)
        #expect {
            _ = try TimestampVerifier.check(forged, digest: digest)
        } throws: { error in
            guard case TimestampError.badSignature(let text) = error else { return false }
            return text.contains("names the authority DirName:O = claimpack tests, CN = claimpack test TSA, but is signed by CN=another TSA")
                || text.contains("but is signed by CN=another TSA")
        }
        let file = authority.folder.appendingPathComponent("forged.tsr")
        try Data(forged).write(to: file)
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let witness = try LocalAuthority.openssl(["ts", "-verify", "-digest", hex, "-in", file.path, "-CAfile", "old-root.pem",
                                                  "-attime", "1906372800"], in: authority.folder)
        #expect(witness.status != 0 && witness.output.contains("tsa name mismatch"), "\(witness.output)")
    }
}

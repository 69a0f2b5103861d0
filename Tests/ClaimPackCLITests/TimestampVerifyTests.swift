import Foundation
import Testing

/// `claimpack verify` of stamped bundles: the tokens checked, their time and authority
/// reported, their chain to `--trust` roots or the system's store; `openssl ts -verify` as
/// the witness.
struct TimestampVerifyTests {
    /// A bundle stamped for its seal (event 2), sent (event 3) and stamped for its record (event 4).
    static func stampedBundle(_ authority: LocalAuthority) throws -> (ScratchFolder, String, String) {
        let (scratch, bundle, seal) = try TimestampCommandTests.bundle()
        for arguments in [["timestamp", bundle, "--tsa", authority.url("tsa")],
                          ["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU"],
                          ["timestamp", bundle, "--tsa", authority.url("tsa"), "--record"]] {
            let outcome = try CLIRunner.run(arguments, in: scratch.url)
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
        }
        return (scratch, bundle, seal)
    }

    @Test func aStampedBundleVerifiesWithItsRootAndWarnsWithout() throws {
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let (scratch, bundle, _) = try Self.stampedBundle(authority)
        let root = authority.folder.appendingPathComponent("ca.pem").path
        let other = authority.folder.appendingPathComponent("other.pem").path

        let trusted = try CLIRunner.run(["verify", bundle, "--trust", root], in: scratch.url)
        #expect(trusted.status == 0, "\(trusted.standardOutput)")
        let by = "by CN=claimpack test TSA,O=claimpack tests"
        #expect(trusted.standardOutput.contains("timestamp: data/timestamps/02-127.0.0.1.tsr: the seal existed no later than 20"))
        #expect(trusted.standardOutput.contains("timestamp: data/timestamps/04-127.0.0.1.tsr: the delivery record up to event 3 existed no later than 20"))
        #expect(trusted.standardOutput.contains("Z, \(by) (trusted root)\n"))
        #expect(!trusted.standardOutput.contains("V7"))
        #expect(trusted.standardOutput.hasSuffix("entries checked\n"), "\(trusted.standardOutput)")

        // Several --trust files: the right root among them is enough.
        let both = try CLIRunner.run(["verify", bundle, "--trust", other, "--trust", root], in: scratch.url)
        #expect(both.status == 0 && !both.standardOutput.contains("V704"), "\(both.standardOutput)")

        // Without --trust the system's store lacks the test root: a warning naming it, still intact.
        let system = try CLIRunner.run(["verify", bundle], in: scratch.url)
        #expect(system.status == 0, "\(system.standardOutput)")
        #expect(system.standardOutput.contains("V704 warning: kyivstar-roaming-2026/data/timestamps/02-127.0.0.1.tsr: "))
        #expect(system.standardOutput.contains("the root \"CN=claimpack test root\" is missing"))
        #expect(system.standardOutput.contains("(root not trusted, see V704)"))
        #expect(system.standardOutput.hasSuffix(", 2 warnings\n"))

        // --json carries the tokens; another root is not this authority's.
        let json = try CLIRunner.run(["verify", bundle, "--trust", other, "--json"], in: scratch.url)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let stamps = try #require(object["timestamps"] as? [[String: Any]])
        #expect(stamps.count == 2)
        #expect(stamps.map { $0["stamps"] as? String } == ["seal", "record"])
        #expect(stamps.map { $0["trusted"] as? Bool } == [false, false])
        #expect(stamps[1]["anchoredEvents"] as? Int == 3 && stamps[0]["anchoredEvents"] is NSNull)
        #expect(stamps.allSatisfy { ($0["authority"] as? String) == "CN=claimpack test TSA,O=claimpack tests" })
        #expect(stamps.allSatisfy { ($0["time"] as? String)?.hasSuffix("Z") == true })
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["V704", "V704"])

        // The witness agrees: openssl accepts the token with the test root and refuses it with the other.
        let zip = scratch.url.appendingPathComponent(bundle)
        let token = scratch.url.appendingPathComponent("token.tsr"), manifest = scratch.url.appendingPathComponent("manifest.xml")
        try TimestampCommandTests.entry("data/timestamps/02-127.0.0.1.tsr", of: zip, to: token)
        try TimestampCommandTests.entry("/manifest.xml", of: zip, to: manifest)
        let witness = try LocalAuthority.openssl(["ts", "-verify", "-data", manifest.path, "-in", token.path, "-CAfile", root], in: scratch.url)
        #expect(witness.status == 0 && witness.output.contains("Verification: OK"), "\(witness.output)")
        let stranger = try LocalAuthority.openssl(["ts", "-verify", "-data", manifest.path, "-in", token.path, "-CAfile", other], in: scratch.url)
        #expect(stranger.status != 0)
    }

    @Test func aTrustFileThatIsNoPEMIsRefused() throws {
        let (scratch, bundle, _) = try TimestampCommandTests.bundle()
        let missing = try CLIRunner.run(["verify", bundle, "--trust", "no-such.pem"], in: scratch.url)
        #expect(missing.status == 66 && missing.standardError.contains("no-such.pem"))
        try Data("not a certificate\n".utf8).write(to: scratch.url.appendingPathComponent("text.pem"))
        let text = try CLIRunner.run(["verify", bundle, "--trust", "text.pem"], in: scratch.url)
        #expect(text.status == 66 && text.standardError.contains("holds no PEM certificate"))
    }

    /// A forger edits event 1 and recomputes the whole hash chain and the tag manifest: the
    /// chain holds, but the token of the record anchors the old head (V701).
    @Test func aRewrittenEventUnderAnAnchorIsAnError() throws {
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let (scratch, bundle, _) = try Self.stampedBundle(authority)
        let script = """
            import hashlib, re, sys, zipfile
            import xml.etree.ElementTree as ET
            source = zipfile.ZipFile(sys.argv[1])
            items = [(info, source.read(info)) for info in source.infolist()]
            top = items[0][0].filename.split('/')[0]
            record = dict((i.filename, d) for i, d in items)[top + '/delivery.xml'].decode()
            record = record.replace('<name>', '<name>Forged ', 1)
            previous = '0' * 64
            def rechain(match):
                global previous
                event = re.sub(r' previous="[0-9a-f]{64}" hash="[0-9a-f]{64}"', ' previous="%s"' % previous, match.group(0), count=1)
                bare = event.strip().replace('<event ', '<event xmlns="urn:claimpack:delivery:1" ', 1)
                digest = hashlib.sha256(ET.canonicalize(bare, strip_text=True).encode()).hexdigest()
                previous = digest
                return event.replace(' previous="', ' hash="%s" previous="' % digest, 1)
            record = re.sub(r'  <event .*?</event>\\n', rechain, record, flags=re.S).encode()
            def fixed(info, data):
                if info.filename == top + '/delivery.xml': return record
                if info.filename == top + '/tagmanifest-sha256.txt':
                    return re.sub(rb'[0-9a-f]{64}(  delivery.xml)', hashlib.sha256(record).hexdigest().encode() + rb'\\1', data)
                return data
            with zipfile.ZipFile(sys.argv[2], 'w') as target:
                for info, data in items: target.writestr(info, fixed(info, data))
            """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script, bundle, "forged.zip"], in: scratch.url)
        let verified = try CLIRunner.run(["verify", "forged.zip", "--trust", authority.folder.appendingPathComponent("ca.pem").path],
                                         in: scratch.url)
        #expect(verified.status == 1)
        #expect(!verified.standardOutput.contains("V502") && !verified.standardOutput.contains("V503"), "\(verified.standardOutput)")
        #expect(verified.standardOutput.contains("V701 error: kyivstar-roaming-2026/data/timestamps/04-127.0.0.1.tsr: the token of event 4 (timestamped) anchors the delivery record's chain head"),
                "\(verified.standardOutput)")
        // The token of the seal still proves the seal.
        #expect(verified.standardOutput.contains("timestamp: data/timestamps/02-127.0.0.1.tsr: the seal existed"))
    }

    /// An escalation chain: the claim stamped, then carried by a complaint (`follows:`) that
    /// is stamped too. The `--trust` roots apply to the carried bundle's token as to the
    /// outer one's, and both are reported.
    @Test func theTrustedRootsApplyToACarriedBundle() throws {
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let scratch = try EscalateCommandTests.deliveredClaim()
        try EscalateCommandTests.expectSuccess(["timestamp", "mts.zip", "--tsa", authority.url("tsa")], in: scratch)
        try EscalateCommandTests.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15"], in: scratch)
        let folder = scratch.url.appendingPathComponent("mts-2026-11-complaint")
        try EscalateCommandTests.fillPlaceholders(folder)
        try EscalateCommandTests.expectSuccess(["build", folder.path, "-o", "complaint.zip"], in: scratch)
        try EscalateCommandTests.expectSuccess(["timestamp", "complaint.zip", "--tsa", authority.url("tsa")], in: scratch)
        let root = authority.folder.appendingPathComponent("ca.pem").path
        let other = authority.folder.appendingPathComponent("other.pem").path

        let trusted = try CLIRunner.run(["verify", "complaint.zip", "--trust", root], in: scratch.url)
        #expect(trusted.status == 0, "\(trusted.standardOutput)")
        #expect(!trusted.standardOutput.contains("V704"), "\(trusted.standardOutput)")
        let lines = trusted.standardOutput.split(separator: "\n").filter { $0.hasPrefix("timestamp: ") }
        #expect(lines.count == 2, "\(trusted.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("timestamp: data/timestamps/02-127.0.0.1.tsr: the seal existed no later than 20") })
        #expect(lines.contains { $0.hasPrefix("timestamp: data/evidence/mts.zip!/data/timestamps/04-127.0.0.1.tsr: the seal existed no later than 20") })
        #expect(lines.allSatisfy { $0.hasSuffix(" (trusted root)") })

        // Another root, or the system's store: the carried token's chain is judged too (V704 under its entry).
        for arguments in [["--trust", other], []] {
            let untrusted = try CLIRunner.run(["verify", "complaint.zip"] + arguments, in: scratch.url)
            #expect(untrusted.status == 0, "\(untrusted.standardOutput)")
            #expect(untrusted.standardOutput.contains("V704 warning: mts-2026-11-complaint/data/evidence/mts.zip!/mts-2026-11/data/timestamps/04-127.0.0.1.tsr: "),
                    "\(untrusted.standardOutput)")
            #expect(untrusted.standardOutput.contains("V704 warning: mts-2026-11-complaint/data/timestamps/02-127.0.0.1.tsr: "))
            #expect(untrusted.standardOutput.components(separatedBy: "V704 warning: ").count == 3, "\(untrusted.standardOutput)")
        }
    }
}

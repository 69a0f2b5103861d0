import Foundation
import Testing

/// `claimpack timestamp` against a local authority made by `openssl`, with `openssl ts
/// -verify` as the independent witness of what it stored.
struct TimestampCommandTests {
    /// A built bundle `b.zip` in a scratch folder, and its seal.
    static func bundle() throws -> (ScratchFolder, String, String) {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming").path,
                                       "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        let seal = try #require(built.standardOutput.split(separator: "\n").first { $0.hasPrefix("seal") }?
            .split(separator: " ").last.map(String.init))
        return (scratch, "b.zip", seal)
    }

    /// The bytes of the entry of `bundle` whose name ends with `suffix`, read by Python's zipfile.
    static func entry(_ suffix: String, of bundle: URL, to target: URL) throws {
        let script = """
            import sys, zipfile
            archive = zipfile.ZipFile(sys.argv[1])
            name = [n for n in archive.namelist() if n.endswith(sys.argv[2])][0]
            open(sys.argv[3], "wb").write(archive.read(name))
            """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script, bundle.path, suffix, target.path])
    }

    static func sha256(_ file: URL) throws -> String {
        try CLIRunner.runTool("/usr/bin/sha256sum", [file.path]).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func stampsTheSealAndOpenSSLVerifiesTheToken() throws {
        let (scratch, bundle, seal) = try Self.bundle()
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let stamped = try CLIRunner.run(["timestamp", bundle, "--tsa", authority.url("tsa")], in: scratch.url)
        #expect(stamped.status == 0, "\(stamped.standardError)")
        #expect(stamped.standardOutput.contains("stamped: existed no later than 20"))
        #expect(stamped.standardOutput.contains(", by CN=claimpack test TSA,O=claimpack tests\n"))
        #expect(stamped.standardOutput.contains("token: data/timestamps/02-127.0.0.1.tsr (SHA-256 "))
        #expect(stamped.standardOutput.hasSuffix("seal: \(seal) (unchanged)\n"))

        // The witness: openssl ts -verify, with the manifest and the token as Python's zipfile reads them.
        let zip = scratch.url.appendingPathComponent(bundle)
        let token = scratch.url.appendingPathComponent("token.tsr"), manifest = scratch.url.appendingPathComponent("manifest.xml")
        try Self.entry("data/timestamps/02-127.0.0.1.tsr", of: zip, to: token)
        try Self.entry("/manifest.xml", of: zip, to: manifest)
        #expect(try Self.sha256(manifest) == seal)
        let witness = try LocalAuthority.openssl(["ts", "-verify", "-data", manifest.path, "-in", token.path,
                                                  "-CAfile", authority.folder.appendingPathComponent("ca.pem").path], in: scratch.url)
        #expect(witness.status == 0 && witness.output.contains("Verification: OK"), "\(witness.output)")
        let stranger = try LocalAuthority.openssl(["ts", "-verify", "-data", manifest.path, "-in", token.path,
                                                   "-CAfile", authority.folder.appendingPathComponent("other.pem").path], in: scratch.url)
        #expect(stranger.status != 0)

        let verified = try CLIRunner.run(["verify", bundle], in: scratch.url)
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")

        // deliver after timestamp keeps the token as it was; a second token is added after it.
        let before = try Self.sha256(token)
        let sent = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        try Self.entry("data/timestamps/02-127.0.0.1.tsr", of: zip, to: token)
        #expect(try Self.sha256(token) == before)
        let again = try CLIRunner.run(["timestamp", bundle, "--tsa", authority.url("tsa")], in: scratch.url)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("token: data/timestamps/04-127.0.0.1.tsr"))
        let delivered = try CLIRunner.run(["deliver", bundle, "delivered", "--date", "2026-11-25"], in: scratch.url)
        #expect(delivered.status == 0, "\(delivered.standardError)")

        // --record stamps the chain head: the hash of event 5 (delivered); openssl checks it as a digest.
        let anchored = try CLIRunner.run(["timestamp", bundle, "--tsa", authority.url("tsa"), "--record"], in: scratch.url)
        #expect(anchored.status == 0, "\(anchored.standardError)")
        #expect(anchored.standardOutput.contains("stamped: the delivery record up to event 5 existed no later than 20"))
        try Self.entry("data/timestamps/06-127.0.0.1.tsr", of: zip, to: token)
        try Self.entry("/delivery.xml", of: zip, to: manifest)
        let events = try String(contentsOf: manifest, encoding: .utf8).components(separatedBy: "<event ")
        let head = try #require(events[5].components(separatedBy: "hash=\"").dropFirst().first?.prefix(64))
        #expect(events[6].contains("stamps=\"record\" imprint=\"\(head)\""))
        let anchorWitness = try LocalAuthority.openssl(["ts", "-verify", "-digest", String(head), "-in", token.path,
                                                        "-CAfile", authority.folder.appendingPathComponent("ca.pem").path], in: scratch.url)
        #expect(anchorWitness.status == 0 && anchorWitness.output.contains("Verification: OK"), "\(anchorWitness.output)")

        let status = try CLIRunner.run(["status", bundle], in: scratch.url)
        #expect(status.status == 0)
        #expect(status.standardOutput.contains("stamped:   the record up to event 5 existed no later than 20"))
        let stampedLines = status.standardOutput.split(separator: "\n").filter { $0.hasPrefix("stamped:   existed no later than ") }
        #expect(stampedLines.count == 2)
        #expect(stampedLines.allSatisfy { $0.hasSuffix(", by CN=claimpack test TSA,O=claimpack tests") })
        #expect(status.standardOutput.contains("state:     delivered"))
        try Self.entry("/delivery.xml", of: zip, to: manifest)
        let record = try String(contentsOf: manifest, encoding: .utf8)
        #expect(record.components(separatedBy: "type=\"timestamped\"").count == 4)
        #expect(record.contains("stamps=\"seal\" imprint=\"\(seal)\""))
    }

    @Test func requestAndResponseByHand() throws {
        let (scratch, bundle, seal) = try Self.bundle()
        let authority = try LocalAuthority(serving: false)
        defer { authority.stop() }
        let query = scratch.url.appendingPathComponent("q.tsq")
        let requested = try CLIRunner.run(["timestamp", bundle, "--request", query.path], in: scratch.url)
        #expect(requested.status == 0, "\(requested.standardError)")
        let text = try LocalAuthority.openssl(["ts", "-query", "-in", query.path, "-text"], in: scratch.url).output
        #expect(text.contains("Hash Algorithm: sha256") && text.contains("Certificate required: yes"))
        #expect(text.replacingOccurrences(of: "-", with: " ").contains(String(seal.prefix(16)).enumerated()
            .map { $0.offset % 2 == 1 ? "\($0.element) " : "\($0.element)" }.joined().trimmingCharacters(in: .whitespaces)))

        let answer = scratch.url.appendingPathComponent("a.tsr")
        try Data(try authority.reply(to: [UInt8](Data(contentsOf: query)))).write(to: answer)
        let stored = try CLIRunner.run(["timestamp", bundle, "--response", answer.path], in: scratch.url)
        #expect(stored.status == 0, "\(stored.standardError)")
        #expect(stored.standardError.contains("nonce was not checked"))
        #expect(stored.standardOutput.contains("token: data/timestamps/02-claimpack-test-tsa.tsr"))
        #expect(try CLIRunner.run(["verify", bundle], in: scratch.url).status == 0)

        // build --force with the same seal carries the token over with the record.
        let token = scratch.url.appendingPathComponent("token.tsr")
        try Self.entry("data/timestamps/02-claimpack-test-tsa.tsr", of: scratch.url.appendingPathComponent(bundle), to: token)
        let storedToken = try Self.sha256(token)
        let rebuilt = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming").path,
                                         "-o", bundle, "--force"], in: scratch.url)
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
        try? FileManager.default.removeItem(at: token)
        try Self.entry("data/timestamps/02-claimpack-test-tsa.tsr", of: scratch.url.appendingPathComponent(bundle), to: token)
        #expect(try Self.sha256(token) == storedToken)
        #expect(try CLIRunner.run(["verify", bundle], in: scratch.url).status == 0)

        // An answer for another bundle's seal is refused, and the bundle stays as it was.
        let (otherScratch, _, _) = try Self.bundle()
        try Data("changed".utf8).write(to: otherScratch.url.appendingPathComponent("x"))
        let other = otherScratch.url.appendingPathComponent("other.tsq")
        try LocalAuthority.openssl(["ts", "-query", "-data", otherScratch.url.appendingPathComponent("x").path, "-sha256", "-cert",
                                    "-out", other.path], in: scratch.url)
        try Data(try authority.reply(to: [UInt8](Data(contentsOf: other)))).write(to: answer)
        let before = try Data(contentsOf: scratch.url.appendingPathComponent(bundle))
        let refused = try CLIRunner.run(["timestamp", bundle, "--response", answer.path], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("not this bundle's seal \(seal)"))
        let refusedAsRecord = try CLIRunner.run(["timestamp", bundle, "--response", answer.path, "--record"], in: scratch.url)
        #expect(refusedAsRecord.status == 1)
        #expect(refusedAsRecord.standardError.contains("not the delivery record's chain head"))
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent(bundle)) == before)
    }

    @Test func anAuthorityThatAnswersHTMLOrIsDownIsRefused() throws {
        let (scratch, bundle, _) = try Self.bundle()
        let before = try Data(contentsOf: scratch.url.appendingPathComponent(bundle))
        let authority = try LocalAuthority(serving: true)
        let html = try CLIRunner.run(["timestamp", bundle, "--tsa", authority.url("html")], in: scratch.url)
        #expect(html.status == 69)
        #expect(html.standardError.contains("answered with \"text/html; charset=utf-8\", not application/timestamp-reply"))
        let url = authority.url("tsa")
        authority.stop()
        let down = try CLIRunner.run(["timestamp", bundle, "--tsa", url], in: scratch.url)
        #expect(down.status == 69)
        #expect(down.standardError.contains("cannot be reached"))
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent(bundle)) == before)
    }

    @Test func badUsageExits64() throws {
        let (scratch, bundle, _) = try Self.bundle()
        #expect(try CLIRunner.run(["timestamp", bundle], in: scratch.url).status == 64)
        #expect(try CLIRunner.run(["timestamp", bundle, "--tsa", "ftp://127.0.0.1/"], in: scratch.url).status == 64)
        #expect(try CLIRunner.run(["timestamp", bundle, "--tsa", "http://127.0.0.1/", "--request", "q"], in: scratch.url).status == 64)
        #expect(try CLIRunner.run(["deliver", bundle, "timestamped", "--date", "2026-11-20"], in: scratch.url).status == 1)
    }
}

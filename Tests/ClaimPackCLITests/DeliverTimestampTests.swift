import Foundation
import Testing

/// `claimpack deliver … --timestamp URL`: the event and a token for the record up to it in
/// one rewrite, against a local authority made by `openssl`, with `openssl ts -verify` as
/// the witness; and nothing recorded when the authority cannot be used.
struct DeliverTimestampTests {
    @Test func theEventAndItsAnchorAreRecordedTogether() throws {
        let (scratch, bundle, seal) = try TimestampCommandTests.bundle()
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        try Data("receipt".utf8).write(to: scratch.url.appendingPathComponent("receipt.txt"))
        let sent = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                      "--proof", "receipt.txt", "--timestamp", authority.url("tsa")], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardOutput.contains("recorded: sent 2026-11-20 in b.zip\n"))
        #expect(sent.standardOutput.contains("stamped: the delivery record up to event 2 existed no later than 20"))
        #expect(sent.standardOutput.contains(", by CN=claimpack test TSA,O=claimpack tests\n"))
        #expect(sent.standardOutput.contains("token: data/timestamps/03-127.0.0.1.tsr (SHA-256 "))
        #expect(sent.standardOutput.hasSuffix("seal: \(seal) (unchanged)\n"))

        // delivery.xml: event 2 (sent, with its proof), event 3 anchoring event 2's hash.
        let zip = scratch.url.appendingPathComponent(bundle)
        let record = scratch.url.appendingPathComponent("delivery.xml"), token = scratch.url.appendingPathComponent("token.tsr")
        try TimestampCommandTests.entry("/delivery.xml", of: zip, to: record)
        let events = try String(contentsOf: record, encoding: .utf8).components(separatedBy: "<event ")
        #expect(events.count == 4)
        #expect(events[2].hasPrefix("type=\"sent\"") && events[2].contains("data/delivery/02-sent-receipt.txt"))
        #expect(events[3].hasPrefix("type=\"timestamped\""))
        let head = try #require(events[2].components(separatedBy: "hash=\"").dropFirst().first?.prefix(64))
        #expect(events[3].contains("stamps=\"record\" imprint=\"\(head)\""))

        // The witness: openssl accepts the token as a stamp of that hash, with the test root only.
        try TimestampCommandTests.entry("data/timestamps/03-127.0.0.1.tsr", of: zip, to: token)
        let root = authority.folder.appendingPathComponent("ca.pem").path
        let witness = try LocalAuthority.openssl(["ts", "-verify", "-digest", String(head), "-in", token.path, "-CAfile", root],
                                                 in: scratch.url)
        #expect(witness.status == 0 && witness.output.contains("Verification: OK"), "\(witness.output)")
        let stranger = try LocalAuthority.openssl(["ts", "-verify", "-digest", String(head), "-in", token.path, "-CAfile",
                                                   authority.folder.appendingPathComponent("other.pem").path], in: scratch.url)
        #expect(stranger.status != 0)

        // verify reports the anchored events; the next deliver keeps the token and its anchor.
        let verified = try CLIRunner.run(["verify", bundle, "--trust", root], in: scratch.url)
        #expect(verified.status == 0, "\(verified.standardOutput)")
        #expect(verified.standardOutput.contains("timestamp: data/timestamps/03-127.0.0.1.tsr: the delivery record up to event 2 existed no later than 20"))
        #expect(verified.standardOutput.contains("(trusted root)\n") && !verified.standardOutput.contains("V7"))
        let before = try TimestampCommandTests.sha256(token)
        let delivered = try CLIRunner.run(["deliver", bundle, "delivered", "--date", "2026-11-25", "--timestamp", authority.url("tsa")],
                                          in: scratch.url)
        #expect(delivered.status == 0, "\(delivered.standardError)")
        #expect(delivered.standardOutput.contains("stamped: the delivery record up to event 4 existed no later than 20"))
        #expect(delivered.standardOutput.contains("token: data/timestamps/05-127.0.0.1.tsr"))
        try? FileManager.default.removeItem(at: token)
        try TimestampCommandTests.entry("data/timestamps/03-127.0.0.1.tsr", of: zip, to: token)
        #expect(try TimestampCommandTests.sha256(token) == before)
        let again = try CLIRunner.run(["verify", bundle, "--trust", root], in: scratch.url)
        #expect(again.status == 0 && !again.standardOutput.contains("V7"), "\(again.standardOutput)")
        #expect(again.standardOutput.contains("timestamp: data/timestamps/05-127.0.0.1.tsr: the delivery record up to event 4 existed"))
        let status = try CLIRunner.run(["status", bundle], in: scratch.url)
        #expect(status.standardOutput.contains("stamped:   the record up to event 4 existed no later than 20"), "\(status.standardOutput)")
    }

    /// The authority down, or answering HTML: exit 69; its token for another digest: exit 1;
    /// nothing recorded (the bundle byte for byte as it was, and not left locked), and the
    /// message says how to go on.
    @Test func nothingIsRecordedWhenTheAuthorityCannotBeUsed() throws {
        let (scratch, bundle, _) = try TimestampCommandTests.bundle()
        let file = scratch.url.appendingPathComponent(bundle)
        let before = try Data(contentsOf: file)
        let authority = try LocalAuthority(serving: true)
        let html = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                      "--timestamp", authority.url("html")], in: scratch.url)
        #expect(html.status == 69)
        #expect(html.standardError.contains("not application/timestamp-reply"), "\(html.standardError)")
        #expect(html.standardOutput.isEmpty)
        let url = authority.url("tsa")
        authority.stop()
        let down = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                      "--timestamp", url], in: scratch.url)
        #expect(down.status == 69)
        #expect(down.standardError.contains("cannot be reached"))
        #expect(down.standardError.contains("nothing was recorded; try again, or record the event without --timestamp and stamp it afterwards: claimpack timestamp b.zip --tsa URL --record"))
        #expect(try Data(contentsOf: file) == before)

        // A token for another digest (a replayed answer): refused (exit 1), nothing recorded.
        let other = try LocalAuthority(serving: true)
        let replayed = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                          "--timestamp", other.url("other")], in: scratch.url)
        other.stop()
        #expect(replayed.status == 1)
        #expect(replayed.standardError.contains("not the delivery record's chain head"), "\(replayed.standardError)")
        #expect(replayed.standardError.contains("nothing was recorded"))
        #expect(try Data(contentsOf: file) == before)

        // An event refused by the rules is refused before the authority is asked (exit 1).
        let early = try CLIRunner.run(["deliver", bundle, "delivered", "--date", "2026-11-20", "--timestamp", url], in: scratch.url)
        #expect(early.status == 1 && early.standardError.contains("follows \"sent\""), "\(early.standardError)")
        #expect(!early.standardError.contains("cannot be reached"))
        #expect(try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--timestamp", "ftp://127.0.0.1/"],
                                  in: scratch.url).status == 64)
        #expect(try Data(contentsOf: file) == before)
        // The bundle is not left locked: the same event without --timestamp is recorded.
        let plain = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU"], in: scratch.url)
        #expect(plain.status == 0, "\(plain.standardError)")
    }
}

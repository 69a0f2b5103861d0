import Foundation
import Testing

/// Free text given to `deliver` on the command line obeys the rule `check` applies to
/// claim.yaml: what a delivery record cannot hold is bad usage naming the option; spaces
/// around a note are dropped; whatever is accepted is recorded in a bundle that verifies.
struct DeliverTextTests {
    @Test(arguments: ["\u{7}bell", "tab\u{B}vertical", "nul\u{1B}[31m", "\u{9B}c1", "non\u{FFFE}char", "cr\rhere"])
    func aNoteWithACharacterXMLCannotHoldIsBadUsage(_ note: String) throws {
        let (scratch, bundle) = try DeliverCommandTests.bundle()
        let before = try Data(contentsOf: scratch.url.appendingPathComponent(bundle))
        let outcome = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-21", "--note", note], in: scratch.url)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--note: the text holds the control character U+"), "\(outcome.standardError)")
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent(bundle)) == before)
    }

    @Test(arguments: ["  leading and trailing  ", "\u{202E}bidi", "line\nbreak", "\u{3000}ideographic space", "emoji 😀 \u{E000}"])
    func aNoteTheRecordCanHoldIsRecordedAndVerifies(_ note: String) throws {
        let (scratch, bundle) = try DeliverCommandTests.bundle()
        let outcome = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-21", "--note", note], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try CLIRunner.run(["verify", bundle], in: scratch.url).status == 0)
        let json = try CLIRunner.run(["status", bundle, "--json"], in: scratch.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let notes = (object?["events"] as? [[String: Any]])?.compactMap { $0["note"] as? String }
        #expect(notes == [note.trimmingCharacters(in: .whitespacesAndNewlines)])
    }
}

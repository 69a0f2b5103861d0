import Foundation
import Testing
@testable import ClaimPack
@testable import XMLKit

struct DeliveryRecorderTests {
    let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")
    let today = CalendarDate(year: 2026, month: 12, day: 20)!

    func time(_ text: String) -> EventTime { try! EventTime.parse(text).get() }

    /// A bundle of the Russian example with sent, delivered and answered recorded.
    func deliveredBundle() throws -> (TemporaryFolder, URL) {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let recorder = DeliveryRecorder(schemas: schemas, today: today)
        let receipt = try scratch.write("чек отправки.pdf", "%PDF-1.4 receipt of dispatch")
        let card = try scratch.write("form-119.jpg", Data(repeating: 0xAB, count: 5000))
        let answer = try scratch.write("ответ МТС.txt", "Ваше обращение рассмотрено.\n")
        _ = try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23T11:05+03:00"), tracking: "62009147017544",
                                                proofs: [receipt]), in: bundle)
        _ = try recorder.record(DeliveryRequest(kind: .delivered, at: time("2026-11-27"), proofs: [card], note: "Вручено под подпись"), in: bundle)
        _ = try recorder.record(DeliveryRequest(kind: .answered, at: time("2026-12-04"), proofs: [answer]), in: bundle)
        return (scratch, bundle)
    }

    @Test func eventsAreRecordedAndTheSealNeverChanges() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let before = try OpenedBundle.open(bundle, verifier: VerificationTestSupport.verifier)
        let manifestBefore = before.report.tagFiles["manifest.xml"]
        let (deliveredScratch, delivered) = try deliveredBundle()
        defer { withExtendedLifetime(deliveredScratch) {} }
        let after = try OpenedBundle.open(delivered, verifier: VerificationTestSupport.verifier)
        #expect(after.seal == before.seal)
        #expect(after.report.tagFiles["manifest.xml"] == manifestBefore, "manifest.xml byte for byte the same")
        #expect(after.record.events.map(\.kind) == [.prepared, .sent, .delivered, .answered])
        #expect(after.record.events[1].tracking == "62009147017544" && after.record.events[1].carrier == .russianPost)
        #expect(after.record.events[1].method == .registeredMail)
        #expect(after.record.events[2].note == "Вручено под подпись")
        #expect(after.report.findings.isEmpty)
        withExtendedLifetime(scratch) {}
    }

    @Test func proofsRoundTripThroughTheBundle() throws {
        let (scratch, bundle) = try deliveredBundle()
        let opened = try OpenedBundle.open(bundle, verifier: VerificationTestSupport.verifier)
        let proofs = opened.record.events.flatMap(\.proofs).map(\.path)
        #expect(proofs == ["data/delivery/02-sent-чек отправки.pdf", "data/delivery/03-delivered-form-119.jpg",
                           "data/delivery/04-answered-ответ МТС.txt"])
        let bag = try Witness.unzip(bundle, into: scratch.url)
        let root = bag.appendingPathComponent("mts-2026-11")
        #expect(try Data(contentsOf: root.appendingPathComponent("data/delivery/04-answered-ответ МТС.txt"))
                == Data("Ваше обращение рассмотрено.\n".utf8))
        let bagit = try Witness.run(["python3", "-m", "bagit", "--validate", root.path])
        #expect(bagit.status == 0, "\(bagit.output)")
        #expect(try Witness.run(["sha256sum", "--strict", "-c", "manifest-sha256.txt"], in: root).status == 0)
        let info = try String(contentsOf: root.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Payload-Oxum: \(27196 + 28 + 5000 + "Ваше обращение рассмотрено.\n".utf8.count).7\n"))
        let lint = try Witness.run(["xmllint", "--noout", "--nonet", "--schema", schemas.appendingPathComponent("delivery-record-1.xsd").path,
                                    root.appendingPathComponent("delivery.xml").path])
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func eachEventHashCanBeRecomputed() throws {
        let (scratch, bundle) = try deliveredBundle()
        defer { withExtendedLifetime(scratch) {} }
        let opened = try OpenedBundle.open(bundle, verifier: VerificationTestSupport.verifier)
        let bytes = try #require(opened.report.tagFiles["delivery.xml"])
        let document = try XMLDocument(parsing: bytes, name: "delivery.xml", ignoringBlankText: true)
        let events = try #require(document.root).children(named: "event")
        let canonical = try document.canonicalChildren(named: "event", excludingAttribute: "hash")
        var previous = SHA256Digest.zero.hex
        for (event, form) in zip(events, canonical) {
            #expect(event.attributes["previous"] == previous)
            #expect(event.attributes["hash"] == SHA256Digest(of: form).hex)
            previous = SHA256Digest(of: form).hex
        }
    }

    /// The record tampered with inside an otherwise consistent bundle (BagIt files, CRCs and
    /// canonical headers all up to date): verify must still catch it.
    @Test(arguments: ["removed", "reordered", "edited", "inserted"])
    func tamperedRecordsAreCaughtByVerify(_ tampering: String) throws {
        let (scratch, bundle) = try deliveredBundle()
        defer { withExtendedLifetime(scratch) {} }
        let opened = try OpenedBundle.open(bundle, verifier: VerificationTestSupport.verifier)
        var text = String(decoding: try #require(opened.report.tagFiles["delivery.xml"]), as: UTF8.self)
        let events = text.components(separatedBy: "\n  <event ").dropFirst().map { "\n  <event " + $0.components(separatedBy: "</event>")[0] + "</event>" }
        #expect(events.count == 4)
        switch tampering {
        case "removed": text = text.replacingOccurrences(of: events[2], with: "")
        case "reordered": text = text.replacingOccurrences(of: events[2], with: "§").replacingOccurrences(of: events[3], with: events[2])
                .replacingOccurrences(of: "§", with: events[3])
        case "edited": text = text.replacingOccurrences(of: "2026-11-27", with: "2026-11-24")
        default: text = text.replacingOccurrences(of: events[3], with: events[3] + events[1])
        }
        try BundleRewriter(schemas: schemas).rewrite(opened, deliveryBytes: Array(text.utf8), newPayload: [])
        let report = try VerificationTestSupport.verifier.verify(bundle)
        let codes = VerificationTestSupport.codes(report)
        #expect(!report.isIntact)
        #expect(!codes.contains("V128") && !codes.contains("V204") && !codes.contains("V210"), "otherwise consistent: \(codes)")
        let expected: Set<String> = switch tampering {
        case "edited": ["V502"]
        case "removed": ["V503"]
        default: ["V503", "V504"]
        }
        #expect(expected.isSubset(of: codes), "\(tampering): \(report.findings)")
    }

    @Test func aBundleThatDoesNotVerifyIsRefusedAndLeftAlone() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        var bytes = try Data(contentsOf: bundle)
        bytes[200] ^= 1
        try bytes.write(to: bundle)
        #expect {
            try DeliveryRecorder(schemas: schemas, today: today).record(DeliveryRequest(kind: .sent, at: time("2026-11-23")), in: bundle)
        } throws: { error in
            if case .bundle(.notIntact) = error as? DeliveryError { return true }
            return false
        }
        #expect(try Data(contentsOf: bundle) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["ru-telecom-subscription.zip"])
    }

    @Test func aWrongTrackingNumberRecordsNothing() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        defer { withExtendedLifetime(scratch) {} }
        let before = try Data(contentsOf: bundle)
        #expect(throws: DeliveryError.self) {
            try DeliveryRecorder(schemas: schemas, today: today)
                .record(DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017545"), in: bundle)
        }
        #expect(try Data(contentsOf: bundle) == before)
    }

    @Test func proofNamesAreMadeSafe() {
        #expect(DeliveryRecorder.safeName("../../etc/passwd") == "-..-etc-passwd")
        #expect(DeliveryRecorder.safeName(".hidden") == "hidden")
        #expect(DeliveryRecorder.safeName("a\u{7}b:c") == "a-b-c")
        #expect(Array(DeliveryRecorder.safeName("e\u{301}.pdf").utf8) == Array("\u{E9}.pdf".utf8))
    }
}

/// A proof is read from what was checked, never waited on, and keeps its name's extension.
struct DeliveryProofReadingTests {
    let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")
    let today = CalendarDate(year: 2026, month: 12, day: 20)!

    func time(_ text: String) -> EventTime { try! EventTime.parse(text).get() }

    @Test func aPipeAsAProofIsRefusedAtOnceAndNothingIsRecorded() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let pipe = scratch.url.appendingPathComponent("receipt.pdf")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let before = try Data(contentsOf: bundle)
        let recorder = DeliveryRecorder(schemas: schemas, today: today)
        let start = ContinuousClock.now
        #expect(throws: DeliveryError.self) {
            try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017544", proofs: [pipe]), in: bundle)
        }
        // No writer ever opens the pipe: a blocking open would hang here for good.
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(try Data(contentsOf: bundle) == before)
    }

    @Test func aSecondProofOfTheSameNameKeepsItsExtension() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let first = try scratch.write("a/квитанция.jpg", Data(repeating: 1, count: 100))
        let second = try scratch.write("b/квитанция.jpg", Data(repeating: 2, count: 100))
        let recorder = DeliveryRecorder(schemas: schemas, today: today)
        let opened = try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017544",
                                                         proofs: [first, second]), in: bundle)
        #expect(opened.record.events.last?.proofs.map(\.path) == ["data/delivery/02-sent-квитанция.jpg",
                                                                  "data/delivery/02-sent-квитанция-2.jpg"])
    }

    @Test func aControlCharacterInTheNoteIsRefusedByTheCoreToo() throws {
        let (_, bundle) = try VerificationTestSupport.exampleBundle()
        let recorder = DeliveryRecorder(schemas: schemas, today: today)
        #expect {
            try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017544",
                                                note: "bell\u{07}"), in: bundle)
        } throws: { error in
            (error as? DeliveryError)?.exitStatus == 64
        }
    }
}

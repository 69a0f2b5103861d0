import Foundation
import Testing
@testable import ClaimPack

/// `BundleTimestamper` without an authority: what `deliver --timestamp` does when the
/// authority cannot be used, or the event cannot be recorded (the stamped paths run
/// against a local authority in ClaimPackCLITests: TimestampCommandTests, DeliverTimestampTests).
struct BundleTimestamperTests {
    let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")
    /// Nothing listens on port 1 of the loopback address: the connection is refused at once.
    let nobody = "http://127.0.0.1:1/tsa"

    func time(_ text: String) -> EventTime { try! EventTime.parse(text).get() }

    @Test func anAuthorityThatCannotBeReachedRecordsNothing() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let before = try Data(contentsOf: bundle)
        let receipt = try scratch.write("receipt.pdf", "%PDF-1.4 receipt of dispatch")
        let recorder = DeliveryRecorder(schemas: schemas, today: CalendarDate(year: 2026, month: 12, day: 20)!)
        let request = DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017544", proofs: [receipt])
        #expect {
            _ = try BundleTimestamper(schemas: schemas).record(request, with: recorder, in: bundle, authority: nobody)
        } throws: { error in
            guard let error = error as? TimestampingError, case .authority(let message) = error else { return false }
            return error.exitStatus == 69 && message.contains("127.0.0.1:1/tsa cannot be reached")
        }
        #expect(try Data(contentsOf: bundle) == before)
        // The lock is released: the same event is recorded without a token.
        let recorded = try recorder.record(request, in: bundle)
        #expect(recorded.record.events.map(\.kind) == [.prepared, .sent])
    }

    @Test func anEventTheRulesRefuseIsRefusedBeforeTheAuthorityIsAsked() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        defer { withExtendedLifetime(scratch) {} }
        let recorder = DeliveryRecorder(schemas: schemas, today: CalendarDate(year: 2026, month: 12, day: 20)!)
        let stamper = BundleTimestamper(schemas: schemas)
        let early = DeliveryRequest(kind: .delivered, at: time("2026-11-27"))
        #expect {
            _ = try stamper.record(early, with: recorder, in: bundle, authority: nobody)
        } throws: { error in
            guard case TimestampingError.record(.outOfOrder)? = error as? TimestampingError else { return false }
            return true
        }
        let future = DeliveryRequest(kind: .sent, at: time("2027-01-05"), tracking: "62009147017544")
        #expect {
            _ = try stamper.record(future, with: recorder, in: bundle, authority: nobody)
        } throws: { error in
            guard case TimestampingError.record(.badDate)? = error as? TimestampingError else { return false }
            return (error as? TimestampingError)?.exitStatus == 1
        }
        let missing = DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017544",
                                      proofs: [scratch.url.appendingPathComponent("no such receipt.pdf")])
        #expect {
            _ = try stamper.record(missing, with: recorder, in: bundle, authority: nobody)
        } throws: { error in
            guard case TimestampingError.record(.proof)? = error as? TimestampingError else { return false }
            return (error as? TimestampingError)?.exitStatus == 66
        }
    }

    @Test func aTokenIsNamedAfterTheEventsAndProofsBeforeIt() {
        let taken: Set<String> = ["data/timestamps/03-freetsa.org.tsr"]
        #expect(BundleTimestamper.tokenPath(number: 3, name: "freetsa.org", taken: taken) == "data/timestamps/03-freetsa.org-2.tsr")
        #expect(BundleTimestamper.tokenPath(number: 12, name: "a/b", taken: []) == "data/timestamps/12-a-b.tsr")
        #expect(BundleTimestamper.commonName(of: "CN=Free TSA,O=Free TSA") == "free-tsa")
        #expect(BundleTimestamper.commonName(of: "O=nobody") == "authority")
    }
}

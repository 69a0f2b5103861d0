import Foundation
import Testing
@testable import ClaimPack

/// A delivery record edited and rechained by hand — its hash chain and every BagIt file
/// brought up to date, so that only the rules can catch it — is held by `verify` to the
/// rules `deliver` applies (`DeliveryRules`), each broken rule with its own code.
struct DeliveryRecordRulesTests {
    let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")
    let today = CalendarDate(year: 2026, month: 12, day: 20)!

    func time(_ text: String) -> EventTime { try! EventTime.parse(text).get() }

    /// The Russian example (claim dated 2026-11-21, by registered mail) with sent,
    /// delivered and answered recorded; the last two without proofs unless `answerProof`.
    func deliveredBundle(answerProof: Bool = false) throws -> (TemporaryFolder, URL) {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let recorder = DeliveryRecorder(schemas: schemas, today: today)
        let answer = try scratch.write("answer.txt", "Рассмотрено.\n")
        _ = try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23T11:05+03:00"), tracking: "62009147017544"), in: bundle)
        _ = try recorder.record(DeliveryRequest(kind: .delivered, at: time("2026-11-27")), in: bundle)
        _ = try recorder.record(DeliveryRequest(kind: .answered, at: time("2026-12-04"), proofs: answerProof ? [answer] : []), in: bundle)
        return (scratch, bundle)
    }

    /// The bundle with its record replaced by `edit` of it, rechained; then verified on `today`.
    func verifyLie(answerProof: Bool = false, _ edit: (inout [DeliveryEvent]) -> Void) throws -> VerificationReport {
        let (scratch, bundle) = try deliveredBundle(answerProof: answerProof)
        defer { withExtendedLifetime(scratch) {} }
        let verifier = BundleVerifier(schemas: schemas, today: today)
        let opened = try OpenedBundle.open(bundle, verifier: verifier)
        var record = opened.record
        edit(&record.events)
        let bytes = try DeliveryRecordDocument.bytes(for: record).bytes
        try BundleRewriter(schemas: schemas).rewrite(opened, deliveryBytes: bytes, newPayload: [])
        let report = try verifier.verify(bundle)
        let codes = VerificationTestSupport.codes(report)
        #expect(!codes.contains { ["V128", "V204", "V210", "V502", "V503"].contains($0) }, "otherwise consistent: \(report.findings)")
        return report
    }

    @Test func theUntouchedRecordIsIntactWithNoFinding() throws {
        let report = try verifyLie { _ in }
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func deliveredBeforeSentIsAnEventDateFinding() throws {
        let report = try verifyLie { $0[2].at = time("2026-11-22") }
        #expect(!report.isIntact)
        #expect(report.findings.map(\.code) == [.eventDate], "\(report.findings)")
        #expect(report.findings.first?.message.contains("event 3 (delivered, 2026-11-22)") == true)
    }

    @Test func deliveredRecordedBeforeSentIsAnOrderFinding() throws {
        let report = try verifyLie { $0.swapAt(1, 2) }
        #expect(!report.isIntact)
        #expect(Set(report.findings.map(\.code)) == [.eventOrder, .eventDate], "\(report.findings)")
    }

    @Test func anEventBeforeTheClaimsDateIsAFinding() throws {
        let report = try verifyLie { $0[1].at = time("2026-11-20") }
        #expect(!report.isIntact)
        #expect(report.findings.map(\.code) == [.eventDate], "\(report.findings)")
        #expect(report.findings.first?.message.contains("before the claim's date 2026-11-21") == true)
    }

    @Test func anEventYearsInTheFutureIsAWarning() throws {
        let report = try verifyLie { $0[3].at = time("2031-01-10") }
        #expect(report.findings.map(\.code) == [.eventInFuture], "\(report.findings)")
        #expect(report.findings.first?.severity == .warning)
        #expect(report.isIntact)
    }

    @Test func aSecondAnswerIsAnOrderFinding() throws {
        let report = try verifyLie { $0.append(DeliveryEvent(kind: .answered, at: time("2026-12-05"))) }
        #expect(!report.isIntact)
        #expect(report.findings.map(\.code) == [.eventOrder], "\(report.findings)")
        #expect(report.findings.first?.message.contains("the answer is already recorded") == true)
    }

    @Test func aTrackingNumberWithAWrongCheckDigitIsAFinding() throws {
        let report = try verifyLie { $0[1].tracking = "62009147017545" }
        #expect(!report.isIntact)
        #expect(report.findings.map(\.code) == [.trackingNumber], "\(report.findings)")
        #expect(report.findings.first?.message.contains("a digit is mistyped or two are swapped") == true)
    }

    @Test func aTrackingNumberRemovedFromSentIsAWarning() throws {
        let report = try verifyLie { $0[1].tracking = nil; $0[1].carrier = nil }
        #expect(report.findings.map(\.code) == [.trackingMissing], "\(report.findings)")
        #expect(report.findings.first?.severity == .warning)
    }

    /// The chain cannot show an event dropped from its end (delivery-record docs); the
    /// proof it leaves behind can.
    @Test func anEventDroppedFromTheEndLeavesItsProofBehind() throws {
        let report = try verifyLie(answerProof: true) { $0.removeLast() }
        #expect(!report.isIntact)
        #expect(report.findings.map(\.code) == [.unexpectedPayload], "\(report.findings)")
        #expect(try verifyLie { $0.removeLast() }.findings.isEmpty, "what no rule can see without a time-stamp")
    }
}

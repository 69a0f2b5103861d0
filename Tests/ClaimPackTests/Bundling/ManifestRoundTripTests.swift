import Foundation
import Testing
@testable import ClaimPack

/// The facts `claim.yaml` states survive the bundle: the claim read back from
/// `manifest.xml` (what `letter` and `status` use) equals the one read from the folder.
struct ManifestRoundTripTests {
    @Test func jurisdictionSectorGenderPersonAndEnclosureSurviveTheBundle() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", """
            format: 1
            language: ru
            jurisdiction: ua
            id: round-trip
            date: 2026-11-21
            subject: о возврате денег
            claimant: {name: Петрова Анна Сергеевна, address: "101000, Москва", email: a@example.ru, gender: female}
            respondent: {name: ПАО «Банк», address: "101000, Москва", sector: finance}
            addressee: {position: Председателю правления, person: Иванову И. И., name: ПАО «Банк», address: "101000, Москва"}
            demands:
              - text: Вернуть деньги.
            delivery: {method: email}
            evidence:
              - {id: receipt, file: evidence/receipt.txt, title: Чек, enclose: false}
              - {id: contract, file: evidence/contract.txt, title: Договор}

            """)
        try folder.write("evidence/receipt.txt", "receipt")
        try folder.write("evidence/contract.txt", "contract")
        try folder.write("evidence/notes.txt", "my own notes")
        let claim = try #require(try TestSupport.reader.read(folder: folder.url).claim)
        #expect(claim.jurisdiction == .ua && claim.respondent.sector == .finance && claim.claimant.gender == .female)
        #expect(claim.addressee.person == "Иванову И. И.")
        #expect(Dictionary(uniqueKeysWithValues: claim.evidence.map { ($0.id, $0.enclose) }) == ["receipt": false, "contract": true, "notes": false])

        let bundle = folder.url.appendingPathComponent("out.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let opened = try OpenedBundle.open(bundle, verifier: BundleVerifier(schemas: TestSupport.repositoryRoot.appendingPathComponent("Schemas")))
        var expected = claim
        // Positions in claim.yaml are not part of the bundle.
        expected.evidence = expected.evidence.map { var entry = $0; entry.location = nil; return entry }
        expected.timeline = expected.timeline.map { var event = $0; event.location = nil; return event }
        expected.operations = expected.operations.map { var operation = $0; operation.location = nil; return operation }
        expected.demands = expected.demands.map { var demand = $0; demand.location = nil; return demand }
        #expect(opened.claim == expected)
        // The prepared event lists what goes into the envelope, not the user's own notes.
        #expect(opened.record.events.first?.enclosures?.map(\.evidenceID) == ["contract"])
    }

    @Test func jurisdictionDefaultsFromTheLanguage() {
        #expect(Language.allCases.map { Jurisdiction.default(for: $0) } == [.ru, .ua, .gb])
    }
}

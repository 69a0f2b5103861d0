import Foundation
import Testing
@testable import ClaimPack

/// `operations[].disputed`: read from `claim.yaml`, kept in `manifest.xml` (only when false).
struct OperationDisputedTests {
    private func claimYAML(_ operations: String) -> String {
        """
        format: 1
        language: ru
        id: disputed
        date: 2026-11-21
        subject: о возврате денег
        claimant: {name: Иванов И. И., address: "101000, Москва", email: i@example.ru}
        respondent: {name: ООО «Ромашка», address: "101000, Москва"}
        operations:
        \(operations)
        demands:
          - text: Вернуть деньги.
        delivery: {method: email}

        """
    }

    @Test func disputedDefaultsToTrueAndFalseIsKept() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", claimYAML("""
              - {id: TX-1, amount: "1500.00", currency: RUB}
              - {id: TX-2, amount: "200.00", currency: RUB, disputed: false}
              - {id: TX-3, amount: "99.99", currency: RUB, disputed: true}
            """))
        let report = try TestSupport.reader.read(folder: folder.url)
        let claim = try #require(report.claim)
        #expect(claim.operations.map(\.disputed) == [true, false, true])
        #expect(!report.diagnostics.containsErrors)
        // 1 500,00 + 99,99 = 1 599,99: TX-2 is not disputed.
        #expect(try ClaimPrincipal(operations: claim.operations).total.units == 159_999)
    }

    @Test func aDisputedValueThatIsNotABooleanIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", claimYAML("""
              - {id: TX-1, amount: "1500.00", currency: RUB, disputed: yes}
            """))
        let report = try TestSupport.reader.read(folder: folder.url)
        let messages = report.diagnostics.filter { $0.code == .wrongType }.map(\.message)
        #expect(messages == ["operations[1].disputed: expected true or false, found \"yes\""])
    }

    @Test func theManifestCarriesDisputedOnlyWhenFalse() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", claimYAML("""
              - {id: TX-1, amount: "1500.00", currency: RUB}
              - {id: TX-2, amount: "200.00", currency: RUB, disputed: false}
            """))
        let claim = try #require(try TestSupport.reader.read(folder: folder.url).claim)
        let xml = String(decoding: try ManifestDocument.bytes(for: claim, payload: [:]), as: UTF8.self)
        #expect(xml.contains(#"<operation id="TX-1" amount="1500.00" currency="RUB"/>"#))
        #expect(xml.contains(#"<operation id="TX-2" amount="200.00" currency="RUB" disputed="false"/>"#))

        let bundle = folder.url.appendingPathComponent("out.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let opened = try OpenedBundle.open(bundle, verifier: BundleVerifier(schemas: TestSupport.repositoryRoot.appendingPathComponent("Schemas")))
        #expect(opened.claim.operations.map(\.disputed) == [true, false])
    }
}

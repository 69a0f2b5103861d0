import Foundation
import Testing
@testable import ClaimPack

/// `claimant.birth_date`, `birth_place` and `identifier` (what a statement of claim asks of
/// the plaintiff, ГПК РФ ст. 131 ч. 2 п. 2) survive the bundle as optional elements of
/// `<claimant>`, valid against the schema; a claim without them keeps its manifest as before.
struct PlaintiffParticularsTests {
    static let yaml = """
        format: 1
        language: ru
        id: plaintiff
        date: 2026-11-21
        kind: court
        subject: Исковое заявление о защите прав потребителя
        claimant:
          name: Петрова Анна Сергеевна
          address: "101000, г. Москва"
          email: a@example.ru
          birth_date: 1985-04-15
          birth_place: "г. Тула"
          identifier: "СНИЛС 112-233-445 95"
        respondent: {name: ПАО «Банк», address: "101000, г. Москва"}
        addressee: {name: Мировому судье судебного участка № 1, address: "101000, г. Москва"}
        demands:
          - text: Взыскать деньги.
        delivery: {method: hand}

        """

    @Test func theParticularsSurviveTheBundleAndValidate() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", Self.yaml)
        let claim = try #require(try TestSupport.reader.read(folder: folder.url).claim)
        #expect(claim.claimant.birthDate == CalendarDate(iso: "1985-04-15"))
        #expect(claim.claimant.birthPlace == "г. Тула" && claim.claimant.identifier == "СНИЛС 112-233-445 95")
        let bundle = folder.url.appendingPathComponent("out.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let opened = try OpenedBundle.open(bundle, verifier: BundleVerifier(schemas: TestSupport.repositoryRoot.appendingPathComponent("Schemas")))
        #expect(opened.claim.claimant == claim.claimant)
        // The witness: xmllint validates the manifest against the extended schema.
        let unzip = try Witness.run(["unzip", "-p", bundle.path, "plaintiff/manifest.xml"])
        let manifest = try folder.write("manifest.xml", Data(unzip.output.utf8))
        #expect(unzip.output.contains("<birthDate>1985-04-15</birthDate>") && unzip.output.contains("<identifier>СНИЛС 112-233-445 95</identifier>"))
        let lint = try Witness.run(["xmllint", "--noout", "--schema", TestSupport.repositoryRoot.appendingPathComponent("Schemas/claim-manifest-1.xsd").path, manifest.path])
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func aPlaceholderBirthDateIsReportedNotMisread() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", Self.yaml.replacingOccurrences(of: "birth_date: 1985-04-15", with: "birth_date: \"<ГГГГ-ММ-ДД — дата рождения истца>\""))
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(report.claim == nil)
        #expect(report.diagnostics.contains { $0.code == .placeholder && $0.message.contains("claimant.birth_date") })
    }
}

import Foundation
import Testing
@testable import ClaimPack

struct ClaimFolderReaderTests {
    @Test(arguments: TestSupport.exampleNames)
    func examplesHaveNoErrors(_ name: String) throws {
        let folder = TestSupport.examples.appendingPathComponent(name)
        let before = try FolderSnapshot(folder)
        let report = try TestSupport.reader.read(folder: folder)
        #expect(!report.diagnostics.containsErrors, "\(report.diagnostics)")
        #expect(report.claim != nil)
        #expect(try FolderSnapshot(folder) == before, "reading must not change the folder")
    }

    @Test func examplesCoverTheThreeLanguagesAndKinds() throws {
        let claims = try TestSupport.exampleNames.map {
            try #require(try TestSupport.reader.read(folder: TestSupport.examples.appendingPathComponent($0)).claim)
        }
        #expect(Set(claims.map(\.language)) == [.ru, .uk, .en])
        #expect(Set(claims.map(\.kind)).isSuperset(of: [.claim, .complaint]))
    }

    @Test func russianTelecomClaimDecodesEveryFact() throws {
        let report = try TestSupport.reader.read(folder: TestSupport.examples.appendingPathComponent("ru-telecom-subscription"))
        let claim = try #require(report.claim)
        #expect(claim.id == "mts-2026-11")
        #expect(claim.date.description == "2026-11-21")
        #expect(claim.language == .ru && claim.kind == .claim)
        #expect(claim.claimant == Party(name: "Иванов Иван Иванович", address: "101000, г. Москва, ул. Мясницкая, д. 1, кв. 1",
                                        phone: "+7 916 000-00-00", email: "ivanov@example.ru"))
        #expect(claim.respondent.inn == "7740000076" && claim.respondent.ogrn == "1027700149124")
        #expect(claim.addressee.position == "Генеральному директору" && claim.addressee.name == "ПАО «МТС»")
        #expect(claim.account.map(\.label) == ["Договор", "Лицевой счёт", "Абонентский номер"])
        #expect(claim.account.first?.value == "123456789012")
        #expect(claim.timeline.count == 3)
        #expect(claim.timeline[0].at.description == "2026-10-01T10:15:00+03:00")
        #expect(claim.timeline[0].operations == ["TX-0001"] && claim.timeline[0].evidence == ["balance", "statement"])
        #expect(claim.timeline[1].channel == .phone && claim.timeline[1].reference == "2026-55-1234")
        #expect(claim.timeline[1].location == SourceLocation(file: "claim.yaml", line: 33, column: 5))
        #expect(claim.operations == [Operation(id: "TX-0001", at: try EventTime.parse("2026-10-01T10:15+03:00").get(),
                                               amount: DecimalAmount("1500.00")!, currency: CurrencyCode("RUB")!,
                                               description: "Списание за подписку «Контент+»",
                                               location: SourceLocation(file: "claim.yaml", line: 45, column: 5))])
        #expect(claim.demands.count == 2 && claim.demands[0].basis == "ст. 16, 32 Закона РФ «О защите прав потребителей»")
        // No response_days: the law's 30 days for a telecom operator (126-ФЗ ст. 55 п. 7).
        #expect(claim.respondent.sector == .telecom && claim.responseDays == 30)
        #expect(claim.delivery == DeliveryPlan(method: .registeredMail, declaredValue: DecimalAmount("10.00")))
        #expect(claim.evidence.map(\.file) == [
            "evidence/balance-2026-10-01.png", "evidence/call-2026-10-02.md",
            "evidence/детализация-октябрь-2026.pdf", "evidence/чат/чат с поддержкой 05.10.2026.png",
        ])
        let balance = try #require(claim.evidence.first)
        #expect(balance.kind == .screenshot && balance.sheets == 1 && balance.source == "https://lk.mts.ru/history")
        #expect(balance.captured?.description == "2026-10-01T10:20:00+03:00" && !balance.isDerived)
    }

    @Test func defaultsApplyWhenOptionalFieldsAreLeftOut() throws {
        let folder = try TemporaryFolder("Моя претензия")
        try folder.write("claim.yaml", """
            format: 1
            language: ru
            kind: complaint
            subject: Жалоба
            claimant: {name: Иванов И. И., address: "101000, Москва", email: i@example.ru}
            respondent: {name: ООО «Ромашка», address: "101000, Москва"}
            demands:
              - text: Разобраться.

            """)
        try folder.write("evidence/Скан чека.JPG", "jpeg")
        let report = try ClaimFolderReader(today: CalendarDate(year: 2026, month: 3, day: 8)!).read(folder: folder.url)
        let claim = try #require(report.claim)
        #expect(claim.id == "moia-pretenziia")
        #expect(claim.date.description == "2026-03-08")
        #expect(claim.responseDays == 30)
        #expect(claim.addressee == Addressee(name: "ООО «Ромашка»", address: "101000, Москва"))
        #expect(claim.delivery == DeliveryPlan(method: .registeredMail))
        #expect(claim.evidence == [EvidenceEntry(id: "skan-cheka", file: "evidence/Скан чека.JPG", title: "Скан чека.JPG",
                                                 kind: .photo, isDerived: true)])
        #expect(report.diagnostics.map(\.code) == [.missingDeclaredValue, .undescribedEvidence])
        // What build holds once it has shown them: the claim and the files, no warning.
        let kept = report.keepingErrorsOnly()
        #expect(kept.diagnostics.isEmpty && kept.isBuildable)
        #expect(kept.claim?.id == claim.id && kept.evidenceFiles == report.evidenceFiles)
    }

    @Test func missingFolderAndClaimFileAreFatal() throws {
        let folder = try TemporaryFolder()
        #expect(throws: ClaimFolderError.claimFileMissing(path: folder.url.appendingPathComponent("claim.yaml").path)) {
            try TestSupport.reader.read(folder: folder.url)
        }
        let missing = folder.url.appendingPathComponent("nowhere")
        #expect(throws: ClaimFolderError.folderNotFound(path: missing.path)) { try TestSupport.reader.read(folder: missing) }
        let file = try folder.write("file.txt", "x")
        #expect(throws: ClaimFolderError.notAFolder(path: file.path)) { try TestSupport.reader.read(folder: file) }
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", Data("format: 1\nlanguage: ru\nsubject: Прете".utf8) + Data([0xCF, 0xF0, 0xE5]) + Data("\n".utf8))
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(report.diagnostics.first?.description.hasPrefix("claim.yaml:3:15: error: claim.yaml is not valid UTF-8") == true)
    }

    @Test func aliasBombsStopInsteadOfExpanding() throws {
        let folder = try TemporaryFolder()
        var yaml = "format: 1\nlanguage: ru\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "account: {k: *a9}\n"
        try folder.write("claim.yaml", yaml)
        let start = ContinuousClock.now
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(report.diagnostics.containsErrors)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func aClaimFileThatIsALinkIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        let real = try folder.write("real.yaml", "format: 1\n")
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("claim.yaml"), withDestinationURL: real)
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(report.diagnostics.contains { $0.code == .symbolicLink && $0.location.file == "claim.yaml" })
    }
}

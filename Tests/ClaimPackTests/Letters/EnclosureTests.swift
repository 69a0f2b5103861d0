import Foundation
import Testing
@testable import ClaimPack

/// What goes into the envelope and how the envelope and the forms write the addresses.
struct EnclosureTests {
    func claim(method: DeliveryMethod = .registeredMail, evidence: [EvidenceEntry]) -> Claim {
        Claim(language: .ru, id: "c", date: CalendarDate(iso: "2026-11-21")!, kind: .claim, subject: "s",
              claimant: Party(name: "Иванов Иван Иванович", address: "101000, г. Москва"),
              respondent: Respondent(name: "ПАО «МТС»", address: "109147, г. Москва"),
              addressee: Addressee(name: "ПАО «МТС»", address: "109147, г. Москва"),
              account: [], timeline: [], operations: [], demands: [Demand(text: "d")], responseDays: 10,
              evidence: evidence, delivery: DeliveryPlan(method: method, declaredValue: DecimalAmount("10")))
    }

    @Test func eachFileIsDescribedAsWhatItIs() {
        let claim = claim(evidence: [
            EvidenceEntry(id: "scan", file: "evidence/scan.png", title: "Скриншот", kind: .screenshot),
            EvidenceEntry(id: "video", file: "evidence/v/visit.mp4", title: "Видео визита", kind: .photo),
            EvidenceEntry(id: "contract", file: "evidence/contract.pdf", title: "Договор", kind: .contract, sheets: 3),
            EvidenceEntry(id: "mine", file: "evidence/notes.md", title: "notes.md", kind: .callNotes, isDerived: true),
            EvidenceEntry(id: "kept", file: "evidence/kept.pdf", title: "Не вкладывать", kind: .other, enclose: false),
        ])
        let (list, problems) = Enclosure.list(for: claim, bundleName: "c.zip")
        #expect(problems.isEmpty)
        #expect(list.map(\.form) == [.paper(sheets: 1), .video, .paper(sheets: 3), .electronicCopy])
        #expect(list.map(\.number) == [1, 2, 3, 4])
        #expect(list[1].file == "visit.mp4" && list[3].file == "c.zip" && list[3].evidenceID == nil)
    }

    @Test func theBundleIsNoEnclosureOfAnEmail() {
        let claim = claim(method: .email, evidence: [EvidenceEntry(id: "scan", file: "evidence/scan.png", title: "Скриншот", kind: .screenshot)])
        #expect(Enclosure.list(for: claim, bundleName: "c.zip").enclosures.map(\.form) == [.paper(sheets: 1)])
    }

    @Test func problemsNameTheEvidenceAndItsFile() {
        let claim = claim(evidence: [
            EvidenceEntry(id: "untitled", file: "evidence/IMG_0001.png", title: "IMG_0001.png", kind: .photo),
            EvidenceEntry(id: "uncounted", file: "evidence/statement.pdf", title: "Выписка", kind: .receipt),
        ])
        let problems = Enclosure.list(for: claim, bundleName: "c.zip").problems
        #expect(problems.map(\.reason) == [.noTitle, .noSheets])
        #expect(problems[0].description.contains("evidence \"untitled\" (evidence/IMG_0001.png)"))
        #expect(problems[1].description.contains("sheets:"))
    }

    @Test func envelopesWriteAddressesAsTheirCountryDoes() {
        let leeds = "14 Elm Grove, Leeds LS6 2AB"
        #expect(PostalAddress.lines("PO Box 1234, Manchester M1 9ZZ, United Kingdom", jurisdiction: .gb, other: leeds)
            == "PO Box 1234\nManchester\nM1\u{00A0}9ZZ")
        #expect(PostalAddress.lines("1 Rue de Rivoli, 75001 Paris, France", jurisdiction: .gb, other: leeds)
            == "1 Rue de Rivoli\n75001 Paris\nFrance", "abroad, the country stays")
        #expect(PostalAddress.lines("PO Box 1234, Chicago, IL 60601, USA", jurisdiction: .us, other: "12 Oak Street, Springfield, IL 62701")
            == "PO Box 1234\nChicago, IL 60601")
        #expect(PostalAddress.lines("101000, г. Москва, ул. Мясницкая, д. 1", jurisdiction: .ru, other: "")
            == "101000, г. Москва, ул. Мясницкая, д. 1")
    }

    @Test func aBodyNamedInThePositionIsNotRepeated() {
        #expect(LetterContext.isNamed("Главное контрольное управление города Москвы", in: "Руководителю Главного контрольного управления города Москвы"))
        #expect(!LetterContext.isNamed("ПАО «МТС»", in: "Генеральному директору"))
        #expect(!LetterContext.isNamed("ПАО «Мобильные ТелеСистемы»", in: "Генеральному директору"))
        #expect(!LetterContext.isNamed("Northgate Bank plc", in: nil))
    }
}

import Foundation
import Testing
@testable import ClaimPack

/// The statement of claim as `LetterMaker` prints it (court.mustache): the calculation table
/// read back from the PDF against sums worked by hand, the body at 12 pt.
struct CourtLetterTests {
    /// The telecom example as a statement of claim dated 10.02.2027 whose claim's answer was
    /// due 05.12.2026: 67 days (26 + 31 + 10), 1 500,00 × 3 % × 67 = 3 015,00, capped at
    /// 1 500,00; claim price 3 000,00; exempt from the fee; мировой судья.
    func statement() throws -> Claim {
        var claim = try #require(try TestSupport.reader.read(folder: TestSupport.examples.appendingPathComponent("ru-telecom-subscription")).claim)
        claim.kind = .court
        claim.date = CalendarDate(iso: "2027-02-10")!
        claim.addressee = Addressee(name: "Мировому судье судебного участка № 371 Басманного района г. Москвы",
                                    address: "105066, г. Москва, ул. Новорязанская, д. 8")
        claim.claimant.birthDate = CalendarDate(iso: "1985-04-15")
        claim.claimant.birthPlace = "г. Москва"
        claim.claimant.identifier = "СНИЛС 112-233-445 95"
        return claim
    }

    @Test func theTableOfACapThatBitesReadsBackFromThePDF() throws {
        let folder = try TemporaryFolder("court")
        let claim = try statement()
        let bytes = try LetterTestSupport.maker.kit(claim: claim, seal: SHA256Digest(of: Array(claim.id.utf8)), bundleName: "court.zip",
                                                    envelope: .dl, attachments: .list, evidence: nil,
                                                    answerDue: CalendarDate(iso: "2026-12-05")).bytes
        let pdf = try folder.write("court.pdf", Data(bytes))
        let text = try Witness.run(["pdftotext", "-layout", pdf.path, "-"]).output.replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(text.contains("ИСКОВОЕ ЗАЯВЛЕНИЕ"))
        #expect(text.contains("дата рождения: 15.04.1985") && text.contains("СНИЛС 112-233-445 95"))
        #expect(text.contains("с 06.12.2026 по 10.02.2027"))
        #expect(text.contains("1 500,00 × 3 % × 67 = 3 015,00"))
        #expect(text.contains("min(3 015,00; 1 500,00) = 1 500,00"))
        #expect(text.contains("1 500,00 + 1 500,00"))
        #expect(text.contains("Цена иска: 3 000,00 ₽"))
        #expect(text.contains("руководствуясь ст. 131–132 ГПК РФ"))
        // Form 107 and the envelope are for the copy sent to the defendant.
        #expect(text.contains("Куда: 109147, г. Москва, ул. Марксистская, д. 4"))
        let qpdf = try Witness.run(["qpdf", "--check", pdf.path])
        #expect(qpdf.status == 0, "\(qpdf.output)")
        for page in [1, 2] {
            let sizes = try LetterTestSupport.textSizes(pdf, page: page, in: folder)
            #expect(sizes.max { $0.value < $1.value }?.key == 12 || sizes[11, default: 0] > 0, "page \(page): \(sizes)")
            #expect(sizes[12, default: 0] > 0, "the body is 12 pt on page \(page): \(sizes)")
        }
    }

    @Test func aStatementWithNoDisputedOperationIsRefusedSayingHowToFixIt() throws {
        var claim = try statement()
        claim.operations = claim.operations.map { operation in
            var undisputed = operation
            undisputed.disputed = false
            return undisputed
        }
        #expect {
            _ = try LetterTestSupport.maker.textKit(claim: claim, seal: SHA256Digest(of: [1]), bundleName: "court.zip", attachments: .list,
                                                     evidence: nil, answerDue: CalendarDate(iso: "2026-12-05"))
        } throws: { error in
            guard let error = error as? LetterError, case .calculation(let message) = error else { return false }
            return error.isClaimProblem && message.contains("disputed: true")
        }
    }
}

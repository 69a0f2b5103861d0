import Foundation
import Testing
@testable import ClaimPack

enum LetterTestSupport {
    static let maker = LetterMaker(templates: TestSupport.repositoryRoot.appendingPathComponent("Templates"))
    static let pdfCheck = TestSupport.fixtures.appendingPathComponent("pdfcheck.py")

    /// The headings of each language, which must never end a page.
    static let headings = ["Обстоятельства дела", "Спорные операции", "На основании изложенного требую:", "Приложение:",
                           "Обставини справи", "Спірні операції", "На підставі викладеного вимагаю:", "Додатки:",
                           "The facts", "The transactions in dispute", "How the amount is calculated", "I therefore require you to:", "Enclosures:"]

    /// A PDF of `claim` written to `folder`; returns its path.
    static func pdf(_ claim: Claim, in folder: TemporaryFolder, envelope: LetterMaker.Envelope = .dl) throws -> URL {
        let bytes = try maker.pdf(claim: claim, seal: SHA256Digest(of: Array(claim.id.utf8)), bundleName: "\(claim.id).zip", envelope: envelope)
        return try folder.write("\(claim.id)-\(UUID().uuidString).pdf", Data(bytes))
    }

    /// How many text-showing operators page `page` runs at each size, in points, read from
    /// its uncompressed content stream (`qpdf --qdf`): Cairo writes the size into `Tm`, and
    /// the `Tj`/`TJ` after it show text at that size.
    static func textSizes(_ pdf: URL, page: Int, in folder: TemporaryFolder) throws -> [Double: Int] {
        let expanded = folder.url.appendingPathComponent("page-\(page)-\(UUID().uuidString).pdf")
        let qpdf = try Witness.run(["qpdf", "--qdf", "--object-streams=disable", "--empty", "--pages", pdf.path, String(page), "--", expanded.path])
        #expect(qpdf.status == 0, "\(qpdf.output)")
        let content = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
        var sizes: [Double: Int] = [:]
        var size: Double?
        for line in content.split(separator: "\n") {
            if let match = line.wholeMatch(of: #/([0-9.]+) 0 0 -([0-9.]+) [-0-9.]+ [-0-9.]+ Tm/#), match.1 == match.2 {
                size = Double(match.1).map { ($0 * 10).rounded() / 10 }
            } else if line.hasSuffix("Tj") || line.hasSuffix("TJ"), let size {
                sizes[size, default: 0] += 1
            }
        }
        return sizes
    }

    /// A claim that stretches the layout: 30 events, 50 attachments, long names and
    /// five-line addresses, in `language`.
    static func stressFolder(_ language: Language) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("stress-\(language.rawValue)")
        let longName = String(repeating: language == .en ? "Northgate Consolidated Holdings " : "Общество с ограниченной ответственностью «Рога и копыта» ", count: 3)
        let address = language == .en
            ? "Flat 12, Building C\\n  The Old Brewery Estate\\n  221B Long Industrial Road\\n  Manchester\\n  M1 1AA"
            : "101000, г. Москва,\\n  ул. Мясницкая,\\n  д. 1, стр. 2, подъезд 3,\\n  кв. 1456, домофон 1456К\\n  (вход со двора)"
        var yaml = """
            format: 1
            language: \(language.rawValue)
            id: stress-\(language.rawValue)
            date: 2026-11-21
            subject: \(String(repeating: language == .en ? "Refund of repeated unauthorised charges and compensation " : "Возврат многократно списанных средств и компенсация ", count: 3))
            claimant:
              name: \(language == .en ? "Bartholomew Alexander Fitzgerald-Montgomery" : "Константинопольский Александр Вольдемарович")
              address: "\(address)"
              phone: "+7 916 000-00-00"
              email: a@example.com
            respondent:
              name: "\(longName)"
              address: "\(address)"
            addressee:
              position: \(language == .en ? "Head of the Customer Complaints and Resolutions Department" : "Генеральному директору и главному бухгалтеру")
              name: "\(longName)"
              address: "\(address)"
            account:
              \(language == .en ? "Account number" : "Лицевой счёт"): "987654321"
              \(language == .en ? "Card" : "Договор"): "123456789012 от 01.01.2020, дополнительное соглашение № 5"
            operations:

            """
        for index in 1...12 {
            yaml += "  - {id: TX-\(index), at: 2026-10-\(String(format: "%02d", index))T10:00+03:00, amount: \"\(index * 1250).50\", currency: \(index % 3 == 0 ? "EUR" : "RUB"), description: \"\(language == .en ? "Charge for a service never ordered" : "Списание за услугу, которую я не заказывал")\"}\n"
        }
        yaml += "timeline:\n"
        for index in 1...30 {
            yaml += "  - at: 2026-10-\(String(format: "%02d", (index + 1) / 2))T\(index % 2 == 0 ? "15" : "09"):00+03:00\n"
            yaml += "    channel: \(["phone", "chat", "email", "web-form", "office", "mail", "social"][index % 7])\n"
            yaml += "    reference: \"REF-\(index)-\(String(repeating: "9", count: index % 5))\"\n"
            yaml += "    event: \"\(String(repeating: language == .en ? "I contacted the company again and nothing happened. " : "Я снова обратился в компанию, и ничего не произошло. ", count: 1 + index % 4))\"\n"
            yaml += "    evidence: [e\(index), e\(index + 20)]\n"
            if index <= 12 { yaml += "    operations: [TX-\(index)]\n" }
        }
        yaml += "demands:\n"
        for index in 1...8 {
            yaml += "  - text: \"\(String(repeating: language == .en ? "Refund every charge listed above in full. " : "Вернуть все перечисленные выше средства в полном объёме. ", count: 1 + index % 3))\"\n    basis: ст. \(index) Закона\n"
        }
        yaml += "evidence:\n"
        for index in 1...50 {
            let name = "evidence/\(String(format: "%02d", index)) \(language == .en ? "screenshot" : "скриншот").png"
            try folder.write(name, Data("png \(index)".utf8))
            yaml += "  - {id: e\(index), file: \"\(name)\", title: \"\(String(repeating: language == .en ? "Screenshot of the account page " : "Скриншот страницы личного кабинета ", count: 1 + index % 3))№ \(index)\", sheets: \(1 + index % 4)}\n"
        }
        yaml += "delivery: {method: registered-mail, declared_value: \"50.00\"}\n"
        try folder.write("claim.yaml", yaml)
        return folder
    }
}

/// The letter's page geometry in points, as the tests measure it.
enum PDFPoints {
    static let leftMargin = 25 * 72 / 25.4
    static let textWidth = (210 - 25 - 15) * 72 / 25.4
    static let cellPadding = 1.5 * 72 / 25.4
}

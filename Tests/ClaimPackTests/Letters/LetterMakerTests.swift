import Foundation
import Testing
@testable import ClaimPack

struct LetterMakerTests {
    func claim(_ example: String) throws -> Claim {
        try #require(try TestSupport.reader.read(folder: TestSupport.examples.appendingPathComponent(example)).claim)
    }

    @Test(arguments: TestSupport.exampleNames)
    func pdfPassesQpdfWithEveryFontEmbedded(_ example: String) throws {
        let folder = try TemporaryFolder("pdf")
        let pdf = try LetterTestSupport.pdf(try claim(example), in: folder)
        let qpdf = try Witness.run(["qpdf", "--check", pdf.path])
        #expect(qpdf.status == 0 && qpdf.output.contains("No syntax or stream encoding errors"), "\(qpdf.output)")
        let fonts = try Witness.run(["pdffonts", pdf.path])
        let rows = fonts.output.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ")
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(row)")
        }
        #expect(fonts.output.contains("LiberationSerif"), "the serif face is used, not a substitute: \(fonts.output)")
        let info = try Witness.run(["pdfinfo", pdf.path])
        #expect(info.output.contains("Page size:       595.276 x 841.89 pts (A4)"))
        #expect(info.output.contains("CreationDate:") && info.output.contains("00:00:00"))
    }

    @Test(arguments: TestSupport.exampleNames)
    func textLayerHoldsTheClaimInReadingOrder(_ example: String) throws {
        let folder = try TemporaryFolder("pdf")
        let claim = try claim(example)
        let pdf = try LetterTestSupport.pdf(claim, in: folder)
        let text = try Witness.run(["pdftotext", pdf.path, "-"]).output
        let normalized = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        func position(_ fragment: String) -> String.Index? {
            let words = fragment.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" }).joined(separator: " ")
            return normalized.range(of: words)?.lowerBound
        }
        let seal = SHA256Digest(of: Array(claim.id.utf8))
        var fragments = [claim.claimant.name]
        fragments += claim.demands.map { String($0.text.prefix(40)) }
        fragments += [String(seal.grouped.prefix(39))]
        let forms = PostForms(claim: claim)
        if forms.inventory {
            fragments.append(claim.language == .ru ? "ОПИСЬ вложения" : claim.language == .uk ? "ОПИС вкладення" : "LIST OF ENCLOSURES")
        }
        if forms.deliveryNotice {
            fragments.append(claim.language == .ru ? "УВЕДОМЛЕНИЕ о вручении" : "ПОВІДОМЛЕННЯ про вручення")
        }
        var previous = normalized.startIndex
        for fragment in fragments {
            let found = try #require(position(fragment), "\(fragment) is not in the text layer")
            #expect(found >= previous, "\(fragment) is out of reading order")
            previous = found
        }
        #expect(claim.language != .uk || normalized.contains("ПРЕТЕНЗІЯ"))
    }

    @Test(arguments: TestSupport.exampleNames)
    func everyWordIsInsideItsPageAndNothingOverlaps(_ example: String) throws {
        let folder = try TemporaryFolder("pdf")
        let pdf = try LetterTestSupport.pdf(try claim(example), in: folder)
        let check = try Witness.run(["python3", LetterTestSupport.pdfCheck.path, pdf.path] + LetterTestSupport.headings)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(arguments: Language.allCases)
    func thirtyEventsFiftyAttachmentsAndLongAddressesBreakCleanly(_ language: Language) throws {
        let folder = try LetterTestSupport.stressFolder(language)
        let report = try TestSupport.reader.read(folder: folder.url)
        let claim = try #require(report.claim, "\(report.diagnostics)")
        for envelope in [LetterMaker.Envelope.dl, .c5, .label] {
            let pdf = try LetterTestSupport.pdf(claim, in: folder, envelope: envelope)
            let check = try Witness.run(["python3", LetterTestSupport.pdfCheck.path, pdf.path] + LetterTestSupport.headings)
            #expect(check.status == 0, "\(language) \(envelope): \(check.output)")
            #expect(try Witness.run(["qpdf", "--check", pdf.path]).status == 0)
        }
        let text = try Witness.run(["pdftotext", try LetterTestSupport.pdf(claim, in: folder).path, "-"]).output
        #expect(text.contains("50."), "the fiftieth attachment is listed")
    }

    /// The body is 12 pt in the PDF itself (ГОСТ Р 7.0.97-2025: 12–14 pt): the size most
    /// lines of the first page are set in, read from its content stream.
    @Test(arguments: TestSupport.exampleNames)
    func bodyIsSetInTwelvePoints(_ example: String) throws {
        let folder = try TemporaryFolder("pdf")
        let pdf = try LetterTestSupport.pdf(try claim(example), in: folder)
        let sizes = try LetterTestSupport.textSizes(pdf, page: 1, in: folder)
        let body = try #require(sizes.max { $0.value < $1.value }?.key)
        #expect(body == 12, "sizes on page 1: \(sizes)")
        #expect(sizes.keys.allSatisfy { (9...14).contains($0) }, "sizes on page 1: \(sizes)")
    }

    /// A word longer than a line — 200,000 characters in an event, a demand, the
    /// addressee's name and a table cell — is broken, and every glyph stays on its page.
    @Test func anOverlongWordStaysOnThePage() throws {
        let folder = try TemporaryFolder("pdf")
        var claim = try claim("ru-telecom-subscription")
        let word = String(repeating: "Щ", count: 200_000)
        claim.timeline[0].event = "Списано " + word + " конец."
        claim.demands[0].text = word.prefix(3_000) + " вернуть."
        claim.addressee.name = String(word.prefix(500))
        claim.claimant.name = "Иванов " + word.prefix(300) + " Иванович"
        claim.subject = "о " + word.prefix(1_000)
        claim.account[0].value = String(word.prefix(300))
        claim.timeline[1].reference = String(word.prefix(300))
        claim.operations[0].description = String(word.prefix(400))
        claim.evidence[0].title = String(word.prefix(600))
        for envelope in [LetterMaker.Envelope.none, .dl, .label] {
            let pdf = try LetterTestSupport.pdf(claim, in: folder, envelope: envelope)
            let check = try Witness.run(["python3", LetterTestSupport.pdfCheck.path, "--inside-only", pdf.path])
            #expect(check.status == 0, "\(envelope): \(check.output.prefix(2_000))")
        }
    }

    /// Amounts end at the right edge of their column (25 mm margin + 65 % of the text
    /// width − the cell padding), in the operations table of the PDF.
    @Test func moneyIsRightAlignedInTheOperationsTable() throws {
        let folder = try TemporaryFolder("pdf")
        let pdf = try LetterTestSupport.pdf(try claim("ru-telecom-subscription"), in: folder, envelope: .none)
        let xhtml = try Witness.run(["pdftotext", "-bbox", "-f", "1", "-l", "2", pdf.path, "-"]).output
        let words = xhtml.matches(of: #/yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>/#)
            .map { (y: Double($0.1)!, right: Double($0.2)!, text: String($0.3)) }
        let amounts = words.filter { $0.text.hasSuffix(",00") }
        #expect(amounts.count == 2, "the row and the total: \(amounts)")
        let edge = PDFPoints.leftMargin + PDFPoints.textWidth * 0.65 - PDFPoints.cellPadding
        for amount in amounts {
            let sign = try #require(words.first { abs($0.y - amount.y) < 3 && $0.text == "₽" && $0.right > amount.right })
            #expect(abs(sign.right - edge) < 1.5, "«\(amount.text) ₽» ends at \(sign.right), the column at \(edge)")
        }
    }

    @Test func theSameClaimGivesTheSameBytes() throws {
        let claim = try claim("uk-mobile-roaming")
        let seal = SHA256Digest(of: [1, 2, 3])
        let first = try LetterTestSupport.maker.pdf(claim: claim, seal: seal, bundleName: "b.zip", envelope: .c5)
        let second = try LetterTestSupport.maker.pdf(claim: claim, seal: seal, bundleName: "b.zip", envelope: .c5)
        #expect(first == second)
    }

    @Test func typographyBindsNumbersInitialsAndAbbreviations() {
        #expect(Typography.apply("счёт № 987 и ст. 16") == "счёт №\u{00A0}987 и\u{00A0}ст.\u{00A0}16")
        #expect(Typography.apply("И. И. Иванов") == "И.\u{00A0}И.\u{00A0}Иванов")
        #expect(Typography.apply("вернуть 1500 ₽ сразу") == "вернуть 1500\u{00A0}₽ сразу")
    }

    /// No-break spaces where a line must not break: digit groups, a number and its unit,
    /// after «№» and address abbreviations, after one-letter prepositions, between the legal
    /// form and the name, inside phone numbers, ids and postcodes.
    @Test(arguments: [
        ("списано 1 240 ₴ сразу", "списано 1\u{00A0}240\u{00A0}₴ сразу"),
        ("на 1 л. в 1 экз.", "на 1\u{00A0}л. в\u{00A0}1\u{00A0}экз."),
        ("на 3 арк. в 1 прим.", "на 3\u{00A0}арк. в\u{00A0}1\u{00A0}прим."),
        ("д. 10, стр. 1, корп. 2", "д.\u{00A0}10, стр.\u{00A0}1, корп.\u{00A0}2"),
        ("вул. Хрещатик, буд. 22", "вул.\u{00A0}Хрещатик, буд.\u{00A0}22"),
        ("ПАО «МТС» и ООО «Ромашка»", "ПАО\u{00A0}«МТС» и\u{00A0}ООО\u{00A0}«Ромашка»"),
        ("ПрАТ «Київстар» і ТОВ «Нова»", "ПрАТ\u{00A0}«Київстар» і\u{00A0}ТОВ\u{00A0}«Нова»"),
        ("тел. +7 916 000-00-00", "тел.\u{00A0}+7\u{00A0}916\u{00A0}000-00-00"),
        ("СНИЛС 000-000-000 00", "СНИЛС\u{00A0}000-000-000\u{00A0}00"),
        ("Leeds LS6 2AB", "Leeds LS6\u{00A0}2AB"),
        ("обращение № EA-2026-44881 2", "обращение №\u{00A0}EA-2026-44881\u{00A0}2"),
        ("с подпиской к оператору", "с\u{00A0}подпиской к\u{00A0}оператору"),
        ("Claim 2026 was sent", "Claim 2026 was sent"),
        ("PS Form 3811 and Ф. 107", "PS\u{00A0}Form\u{00A0}3811 and Ф.\u{00A0}107"),
    ])
    func typographyBindsWhatMustNotBreak(_ input: String, _ expected: String) {
        #expect(Typography.apply(input) == expected)
    }

    @Test func wordingFormatsDatesMoneyAndPlurals() throws {
        let templates = TestSupport.repositoryRoot.appendingPathComponent("Templates")
        let ru = try LocaleWording(templates: templates, language: .ru)
        let en = try LocaleWording(templates: templates, language: .en)
        let uk = try LocaleWording(templates: templates, language: .uk)
        #expect(ru.format(CalendarDate(iso: "2026-11-21")!) == "21 ноября 2026 г.")
        #expect(uk.format(CalendarDate(iso: "2026-11-21")!) == "21 листопада 2026 р.")
        #expect(ru.formatMoney(DecimalAmount("1500.00")!, currency: CurrencyCode("RUB")!) == "1\u{00A0}500,00\u{00A0}₽")
        #expect(en.formatMoney(DecimalAmount("1234567.5")!, currency: CurrencyCode("GBP")!) == "£1,234,567.5")
        #expect([1, 2, 5, 11, 21, 22, 112].map { ru.plural("day", $0) } == ["день", "дня", "дней", "дней", "день", "дня", "дней"])
        #expect([1, 3, 14].map { uk.plural("day", $0) } == ["день", "дні", "днів"])
        #expect([1, 2].map { en.plural("day", $0) } == ["day", "days"])
    }

    @Test func namesPostcodesAndPlaces() {
        #expect(LetterContext.signatureName("Иванов Иван Иванович", language: .ru) == "И.\u{00A0}И.\u{00A0}Иванов")
        #expect(LetterContext.signatureName("Sarah Jane Thompson", language: .en) == "S.\u{00A0}J.\u{00A0}Thompson")
        #expect(LetterContext.postcode(in: "101000, г. Москва") == "101000")
        #expect(LetterContext.postcode(in: "01001, м. Київ") == "01001")
        #expect(LetterContext.postcode(in: "14 Elm Grove, Leeds LS6 2AB") == "LS6 2AB")
        #expect(LetterContext.place(in: "101000, г. Москва, ул. Мясницкая") == "г. Москва")
        #expect(LetterContext.place(in: "01001, м. Київ, вул. Хрещатик") == "м. Київ")
    }

    /// Every `{{key}}` of every template is a key the context gives (missing keys would
    /// render as empty text, silently).
    @Test(arguments: Language.allCases)
    func everyTemplatePlaceholderIsFilled(_ language: Language) throws {
        let folder = try LetterTestSupport.stressFolder(language)
        let claim = try #require(try TestSupport.reader.read(folder: folder.url).claim)
        let wording = try LocaleWording(templates: TestSupport.repositoryRoot.appendingPathComponent("Templates"), language: language)
        let context = LetterContext(claim: claim, seal: .zero, bundleName: "b.zip", wording: wording)
        let values = context.rawValues().merging(context.formValues(letterSheets: 2, forms: PostForms(claim: claim))) { $1 }
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, item) in dictionary { keys.insert(key); collect(item) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(values)
        for name in ["letter", "inventory", "form119", "envelope"] {
            let source = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Templates/\(language.rawValue)/\(name).mustache"), encoding: .utf8)
            let regex = try Regex(#"\{\{[#^/]?\s*([A-Za-z.]+)\s*\}\}"#)
            for match in source.matches(of: regex) {
                let path = String(match.output[1].substring ?? "")
                for part in path.split(separator: ".") {
                    #expect(keys.contains(String(part)), "\(language)/\(name): {{\(path)}} is not a key of the context")
                }
            }
        }
    }
}

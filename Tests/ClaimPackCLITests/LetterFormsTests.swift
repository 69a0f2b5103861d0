import Foundation
import Testing

/// The enclosures, Form 107, Form 119 and the envelope of the printed kit, read back from
/// the PDF `claimpack letter` writes.
struct LetterFormsTests {
    /// A claim folder in `scratch`: a Russian claim sent by registered mail, with the evidence
    /// `files` (name → bytes) described by the `evidence` YAML lines.
    static func claim(in scratch: ScratchFolder, name: String = "claim", language: String = "ru", jurisdiction: String? = nil,
                      method: String = "registered-mail", declaredValue: String = "10.00",
                      files: [String: String], evidence: String) throws -> String {
        let folder = scratch.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        for (file, content) in files {
            try Data(content.utf8).write(to: folder.appendingPathComponent("evidence/\(file)"))
        }
        let english = language == "en"
        try Data("""
            format: 1
            language: \(language)
            \(jurisdiction.map { "jurisdiction: \($0)" } ?? "")
            id: \(name)
            date: 2026-11-21
            subject: \(english ? "Refund of a duplicated payment" : "Претензия о возврате средств")
            claimant:
              name: \(english ? "Sarah Jane Thompson" : "Иванов Иван Иванович")
              address: \(english ? (jurisdiction == "us" ? "12 Oak Street, Springfield, IL 62701" : "14 Elm Grove, Leeds LS6 2AB") : "101000, г. Москва, ул. Мясницкая, д. 1, кв. 1")
              email: a@example.com
            respondent:
              name: \(english ? "Northgate Bank plc" : "ПАО «МТС»")
              address: \(english ? (jurisdiction == "us" ? "500 Main Street, Chicago, IL 60601" : "PO Box 1234, Manchester M1 9ZZ") : "109147, г. Москва, ул. Марксистская, д. 4")
            demands:
              - text: \(english ? "Refund £649.00." : "Вернуть 1 500 ₽.")
            evidence:
            \(evidence)
            delivery: {method: \(method), declared_value: "\(declaredValue)"}
            """.utf8).write(to: folder.appendingPathComponent("claim.yaml"))
        return folder.path
    }

    /// The kit of `folder` as text, one string per page; fails the test when `letter` fails.
    /// The forms are read with the evidence listed, not printed (`--attachments list`): the
    /// evidence files here are stand-ins, not images or PDFs (`EvidenceCopyTests` prints).
    static func pages(_ folder: String, in scratch: ScratchFolder, _ options: [String] = ["--attachments", "list"],
                      layout: Bool = true) throws -> [String] {
        let pdf = scratch.url.appendingPathComponent("\(UUID().uuidString).pdf").path
        let outcome = try CLIRunner.run(["letter", folder, "-o", pdf] + options, in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = try CLIRunner.runTool("/usr/bin/pdftotext", (layout ? ["-layout"] : []) + [pdf, "-"])
        return text.replacingOccurrences(of: "\u{00A0}", with: " ").components(separatedBy: "\u{0C}").dropLast()
    }

    static let contract = """
          - {id: contract, file: evidence/contract.pdf, title: Копия договора № 123 от 01.01.2026, kind: contract, sheets: 3}
        """

    @Test func form107CountsItemsAndPutsTheSheetsInTheName() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, files: ["contract.pdf": "%PDF-1.4"], evidence: Self.contract)
        let pages = try Self.pages(folder, in: scratch)
        let inventory = try #require(pages.first { $0.contains("ОПИСЬ") })
        let row = try #require(inventory.split(separator: "\n").first { $0.contains("Копия договора") })
        let cells = row.split(separator: " ", omittingEmptySubsequences: true)
        let flowing = try Self.pages(folder, in: scratch, layout: false).joined().replacingOccurrences(of: "\n", with: " ")
        #expect(flowing.contains("Копия договора № 123 от 01.01.2026 на 3 л."), "\(flowing)")
        // The last two columns: the quantity (1 item, not 3 sheets) and the value (a dash).
        #expect(cells.suffix(2).map(String.init) == ["1", "—"], "the quantity is 1 item: \(row)")
        let total = try #require(inventory.split(separator: "\n").first { $0.contains("Общий итог") })
        #expect(total.split(separator: " ").contains("3"), "the letter, the contract and the USB stick: \(total)")
    }

    @Test func form107NamesTheLetterWithItsRealSheetCount() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, files: ["contract.pdf": "%PDF-1.4"], evidence: Self.contract)
        let pages = try Self.pages(folder, in: scratch)
        let letterPages = try #require(pages.firstIndex { $0.contains("ОПИСЬ") })
        #expect(pages[..<letterPages].contains { $0.contains("ПРЕТЕНЗИЯ") })
        #expect(pages[letterPages].contains("Претензия от 21.11.2026 на \(letterPages) л."), "\(pages[letterPages])")
    }

    @Test func form107DeclaresWholeRoublesOnTheLetterAndDashesElsewhere() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, files: ["contract.pdf": "%PDF-1.4", "a.png": "png"], evidence: Self.contract + """

              - {id: screen, file: evidence/a.png, title: Скриншот личного кабинета}
            """)
        let inventory = try #require(try Self.pages(folder, in: scratch).first { $0.contains("ОПИСЬ") })
        let rows = inventory.split(separator: "\n")
        let letter = try #require(rows.first { $0.contains("Претензия от") })
        #expect(letter.hasSuffix(" 10"), "\(letter)")
        for title in ["Копия договора", "Скриншот личного кабинета", "USB-накопитель"] {
            let row = try #require(rows.first { $0.contains(title) })
            #expect(row.hasSuffix("—"), "\(row)")
        }
        #expect(rows.first { $0.contains("Общий итог") }?.hasSuffix(" 10") == true)
        #expect(inventory.firstMatch(of: try Regex(#"\d,\d\d"#)) == nil, "no kopecks anywhere: \(inventory)")
    }

    @Test func form107HasItsNumberAtTheTopRightTheStampBoxAndCaptionsUnderTheLines() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, files: ["contract.pdf": "%PDF-1.4"], evidence: Self.contract)
        let pdf = scratch.url.appendingPathComponent("kit.pdf").path
        #expect(try CLIRunner.run(["letter", folder, "-o", pdf, "--attachments", "list"]).status == 0)
        let bbox = try CLIRunner.runTool("/usr/bin/pdftotext", ["-bbox", pdf, "-"])
        let pages = bbox.components(separatedBy: "<page ").dropFirst().filter { $0.contains(">ОПИСЬ<") }
        #expect(pages.count == 2)
        for page in pages {
            let words = try Regex(#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>"#)
            let found = page.matches(of: words).map { (x: Double($0.output[1].substring!)!, y: Double($0.output[2].substring!)!, word: String($0.output[3].substring!)) }
            let mark = try #require(found.firstIndex { $0.word == "ф." })
            #expect(found[mark + 1].word == "107" && found[mark].x > 400, "ф. 107 at the top right")
            #expect(found[mark].y <= found.filter { $0.word != "ф." && $0.word != "107" }.map(\.y).min()!, "ф. 107 above everything")
            #expect(found.contains { $0.word == "Оттиск" } && found.contains { $0.word == "штемпеля" })
            let checked = try #require(found.first { $0.word == "Проверил" })
            let caption = try #require(found.first { $0.word == "работника" })
            #expect(caption.y > checked.y + 5, "the clerk's caption is under the line, not beside it")
            #expect(found.contains { $0.word == "Количество" } && !found.contains { $0.word.hasPrefix("Количест-") })
        }
    }

    @Test func aDeclaredValueOfZeroIsACheckError() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, declaredValue: "0.00", files: ["a.png": "png"],
                                    evidence: "  - {id: screen, file: evidence/a.png, title: Скриншот}")
        let outcome = try CLIRunner.run(["check", folder, "--json"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("\"C037\""), "\(outcome.standardOutput)")
    }

    @Test func form119GoesWithRegisteredMailUnlessLeftOut() throws {
        let scratch = try ScratchFolder()
        let evidence = "  - {id: screen, file: evidence/a.png, title: Скриншот}"
        let folder = try Self.claim(in: scratch, files: ["a.png": "png"], evidence: evidence)
        let notice = try #require(try Self.pages(folder, in: scratch).first { $0.contains("УВЕДОМЛЕНИЕ") })
        #expect(notice.contains("ф. 119") && notice.contains("о вручении"))
        #expect(notice.contains("Кому: Иванов Иван Иванович") && notice.contains("Куда: 101000, г. Москва, ул. Мясницкая"), "the sender as return address")
        #expect(notice.contains("109147, г. Москва, ул. Марксистская"), "the addressee")
        #expect(!(try Self.pages(folder, in: scratch, ["--no-form-119", "--attachments", "list"])).contains { $0.contains("УВЕДОМЛЕНИЕ") })
        let email = try Self.claim(in: scratch, name: "by-email", method: "email", files: ["a.png": "png"], evidence: evidence)
        let pages = try Self.pages(email, in: scratch)
        #expect(!pages.contains { $0.contains("УВЕДОМЛЕНИЕ") || $0.contains("ОПИСЬ") })
        #expect(!pages.joined().contains("USB"), "sent by e-mail, the bundle is attached, not enclosed")
    }

    @Test func aUkrainianKitHasTheOpysAndTheAdviceOfDelivery() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, language: "uk", files: ["a.png": "png"],
                                    evidence: "  - {id: screen, file: evidence/a.png, title: Знімок екрана}")
        let pages = try Self.pages(folder, in: scratch)
        let opys = pages.filter { $0.contains("ОПИС") && $0.contains("вкладення") }
        #expect(opys.count == 2)
        #expect(opys.allSatisfy { $0.contains("ф. 107") && $0.contains("Знімок екрана на 1 арк.") && $0.contains("Оголошена") })
        #expect(pages.contains { $0.contains("ПОВІДОМЛЕННЯ") && $0.contains("ф. 119") })
    }

    @Test func aRecordingIsEnclosedOnAUSBStickNeverAsSheets() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, files: ["call.mp3": "ID3"], evidence: """
              - {id: call, file: evidence/call.mp3, title: Запись звонка на горячую линию 02.10.2026, kind: recording}
            """)
        let text = try Self.pages(folder, in: scratch, layout: false).joined().replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("USB-накопитель с аудиозаписью: Запись звонка на горячую линию 02.10.2026 (файл call.mp3), 1 шт."), "\(text)")
        #expect(!text.contains("02.10.2026 на 1 л.") && !text.contains("02.10.2026 — на 1 л."))
    }

    @Test func filesWithoutAnEntryAreNotEnclosed() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, files: ["a.png": "png", "notes.md": "my notes"],
                                    evidence: "  - {id: screen, file: evidence/a.png, title: Скриншот}")
        let text = try Self.pages(folder, in: scratch).joined()
        #expect(!text.contains("notes.md"))
        let inventory = try #require(try Self.pages(folder, in: scratch).first { $0.contains("ОПИСЬ") })
        #expect(inventory.split(separator: "\n").first { $0.contains("Общий итог") }?.contains(" 3 ") == true, "the letter, the screenshot, the USB stick")
    }

    @Test func anEnclosedFileWithoutATitleOrASheetCountIsRefused() throws {
        let scratch = try ScratchFolder()
        let untitled = try Self.claim(in: scratch, files: ["scan.png": "png"], evidence: "  - {id: scan, file: evidence/scan.png}")
        let refused = try CLIRunner.run(["letter", untitled, "-o", "kit.pdf"], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("evidence \"scan\" (evidence/scan.png)") && refused.standardError.contains("title:"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("kit.pdf").path))
        let uncounted = try Self.claim(in: scratch, name: "uncounted", files: ["contract.pdf": "%PDF"],
                                       evidence: "  - {id: contract, file: evidence/contract.pdf, title: Договор}")
        let text = try CLIRunner.run(["letter", uncounted, "--format", "text", "--attachments", "list"], in: scratch.url)
        #expect(text.status == 1)
        #expect(text.standardError.contains("evidence \"contract\" (evidence/contract.pdf)") && text.standardError.contains("sheets:"), "\(text.standardError)")
        let excluded = try Self.claim(in: scratch, name: "excluded", files: ["contract.pdf": "%PDF"],
                                      evidence: "  - {id: contract, file: evidence/contract.pdf, enclose: false}")
        #expect(try CLIRunner.run(["letter", excluded, "--format", "text"], in: scratch.url).status == 0, "enclose: false needs neither")
    }

    @Test func aUKKitHasNoPostOfficeFormsAndItsEnvelopeNoPostcodeBox() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, language: "en", files: ["a.png": "png"],
                                    evidence: "  - {id: app, file: evidence/a.png, title: Screenshot of the app}")
        let pages = try Self.pages(folder, in: scratch)
        #expect(!pages.contains { $0.contains("LIST OF ENCLOSURES") || $0.contains("Form 107") || $0.contains("3811") })
        let envelope = try #require(pages.last)
        let lines = envelope.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(envelope.components(separatedBy: "M1 9ZZ").count == 2, "the postcode once, not again in a box: \(envelope)")
        #expect(lines.contains { $0.hasSuffix("Manchester") } && lines.contains { $0.hasSuffix("M1 9ZZ") && !$0.contains("Manchester") },
                "the postcode whole on its own line: \(envelope)")
        #expect(lines.contains { $0.hasSuffix("LS6 2AB") && !$0.contains("Leeds") })
    }

    @Test func aUSKitNamesPSForm3811() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.claim(in: scratch, language: "en", jurisdiction: "us", files: ["a.png": "png"],
                                    evidence: "  - {id: app, file: evidence/a.png, title: Screenshot of the app}")
        let pages = try Self.pages(folder, in: scratch)
        #expect(pages.contains { $0.contains("PS Form 3811") && $0.contains("Chicago, IL 60601") })
        #expect(!pages.contains { $0.contains("LIST OF ENCLOSURES") })
        #expect(!(try Self.pages(folder, in: scratch, ["--no-form-119", "--attachments", "list"])).contains { $0.contains("PS Form 3811") })
    }
}

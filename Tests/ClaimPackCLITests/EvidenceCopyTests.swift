import Foundation
import Testing

/// The printed copies of the evidence in the kit (`letter --attachments print`, the
/// default): real files of each kind printed and read back from the PDF with poppler-utils.
struct EvidenceCopyTests {
    static let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackCLITests/Fixtures/EvidenceCopy")

    /// The evidence entries of the claim every test prints. The claim has no timeline, so
    /// the letter numbers them in the claim's order, which is by path.
    static let evidence = """
          - {id: balance, file: evidence/balance.png, title: Скриншот баланса, kind: screenshot, sheets: 2}
          - {id: photo, file: evidence/photo.jpg, title: Фото квитанции, kind: photo}
          - {id: history, file: evidence/history.png, title: История операций, kind: screenshot}
          - {id: receipt, file: evidence/receipt.pdf, title: Кассовый чек, kind: receipt}
          - {id: call, file: evidence/call.md, title: Записи о звонке, kind: call-notes}
          - {id: recording, file: evidence/call.mp3, title: Запись звонка, kind: recording}
        """

    /// 79 long lines of call notes: four pages at 12 pt.
    static let notes = (["# Звонок на горячую линию 02.10.2026", ""] + (1...79).map {
        "Оператор сказал, что деньги вернут за три дня. Строка \($0) заметок о звонке, достаточно длинная, чтобы перенестись на следующую строку."
    }).joined(separator: "\n")

    /// A claim folder with a PNG, a JPEG rotated by EXIF, a very tall PNG, a 3-page PDF,
    /// Markdown notes and an mp3.
    static func folder(in scratch: ScratchFolder, language: String = "ru", evidence: String = evidence) throws -> String {
        let folder = try LetterFormsTests.claim(in: scratch, language: language, files: ["call.md": notes], evidence: evidence)
        let files = URL(fileURLWithPath: folder).appendingPathComponent("evidence")
        _ = try CLIRunner.runTool("/usr/bin/python3", [fixtures.appendingPathComponent("make_evidence.py").path, files.path])
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("rotated-exif6.jpg"), to: files.appendingPathComponent("photo.jpg"))
        try Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) }).write(to: files.appendingPathComponent("call.mp3"))
        return folder
    }

    /// `letter SOURCE -o kit.pdf OPTIONS`: the outcome and the kit's pages as text.
    static func kit(_ source: String, in scratch: ScratchFolder, _ options: [String] = []) throws -> (CLIRunner.Outcome, [String], String) {
        let pdf = scratch.url.appendingPathComponent("\(UUID().uuidString).pdf").path
        let outcome = try CLIRunner.run(["letter", source, "-o", pdf] + options, in: scratch.url)
        let text = try CLIRunner.runTool("/usr/bin/pdftotext", [pdf, "-"])
        let pages = text.replacingOccurrences(of: "\u{00A0}", with: " ").components(separatedBy: "\u{0C}").dropLast()
        return (outcome, Array(pages), pdf)
    }

    /// The first 16 hex digits of the SHA-256 of `file`, by sha256sum.
    static func hashPrefix(_ file: String) throws -> String {
        String(try CLIRunner.runTool("/usr/bin/sha256sum", [file]).prefix(16))
    }

    /// The pages headed as attachment `number`, each with its «лист k из K».
    static func copyPages(_ pages: [String], number: Int) -> [String] {
        pages.filter { $0.contains("Приложение № \(number) к претензии от 21.11.2026") }
    }

    @Test func everyKindIsPrintedWithItsHeaderFooterAndCountedSheets() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch)
        let (outcome, pages, pdf) = try Self.kit(folder, in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // Attachment numbers by path: the 4-page notes second, the tall screenshot split on 4.
        let expected: [(number: Int, file: String, sheets: Int)] = [
            (1, "balance.png", 1), (2, "call.md", 4), (3, "call.mp3", 1), (4, "history.png", 4), (5, "photo.jpg", 1), (6, "receipt.pdf", 3),
        ]
        let seal = try #require(outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("seal: ") }).dropFirst(6)
        for item in expected {
            let copy = Self.copyPages(pages, number: item.number)
            #expect(copy.count == item.sheets, "attachment \(item.number): \(copy.count) pages")
            let prefix = try Self.hashPrefix(URL(fileURLWithPath: folder).appendingPathComponent("evidence/\(item.file)").path)
            for (index, page) in copy.enumerated() {
                #expect(page.contains("лист \(index + 1) из \(item.sheets)"), "\(page)")
                #expect(page.contains("SHA-256 файла \(item.file): \(prefix)"), "\(page)")
                #expect(page.contains(String(seal)), "the bundle's seal on every copy page")
            }
        }
        // In order, after the letter, before Form 107.
        let firstCopy = try #require(pages.firstIndex { $0.contains("Приложение № 1 к претензии") })
        let lastCopy = try #require(pages.lastIndex { $0.contains("Приложение № 6 к претензии") })
        #expect(pages[..<firstCopy].contains { $0.contains("ПРЕТЕНЗИЯ") })
        #expect(pages[(lastCopy + 1)...].first?.contains("ОПИСЬ") == true)
        #expect(zip(expected, expected.dropFirst()).allSatisfy { earlier, later in
            (pages.lastIndex { $0.contains("Приложение № \(earlier.number) к") } ?? .max) < (pages.firstIndex { $0.contains("Приложение № \(later.number) к") } ?? -1)
        })
        // The PDF's pages keep their text; the notes' last line is printed; the recording's sheet names it.
        #expect(Self.copyPages(pages, number: 6).enumerated().allSatisfy { $1.contains("Receipt page \(["one", "two", "three"][$0])") })
        #expect(Self.copyPages(pages, number: 2).last?.contains("Строка 79 заметок") == true)
        let recording = try #require(Self.copyPages(pages, number: 3).first)
        #expect(recording.contains("evidence/call.mp3") && recording.contains("3 000 байт") && recording.contains("USB-накопитель — приложение № 3"), "\(recording)")
        // Counted sheets in the letter's list and in both copies of Form 107.
        let flowing = pages.joined().replacingOccurrences(of: "\n", with: " ")
        for (title, sheets) in [("Скриншот баланса", 1), ("История операций", 4), ("Кассовый чек", 3), ("Записи о звонке", 4)] {
            #expect(flowing.contains("\(title) — на \(sheets) л."), "the list: \(title)")
            #expect(pages.filter { $0.contains("ОПИСЬ") && $0.contains("\(title) на \(sheets) л.") }.count == 2, "Form 107: \(title)")
        }
        // sheets: 2 on the balance screenshot, printed on 1: a warning naming both numbers.
        #expect(outcome.standardError.contains("evidence \"balance\"") && outcome.standardError.contains("sheets: 2")
                && outcome.standardError.contains("takes 1 sheet"), "\(outcome.standardError)")
        // The JPEG is embedded as its own bytes (DCT); the tall PNG once for its four pages.
        let images = try CLIRunner.runTool("/usr/bin/pdfimages", ["-list", pdf]).split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ").map(String.init) }
        let jpegs = images.filter { $0[8] == "jpeg" }
        #expect(jpegs.count == 1 && jpegs.first?[3] == "64" && jpegs.first?[4] == "32", "\(images)")
        let tall = images.filter { $0[3] == "1080" && $0[4] == "6000" }
        #expect(tall.count == 4 && Set(tall.map { $0[10] }).count == 1, "one image object shown on four pages: \(tall)")
        #expect(try CLIRunner.runTool("/usr/bin/qpdf", ["--check", pdf]).contains("No syntax or stream encoding errors"))
        let fonts = try CLIRunner.runTool("/usr/bin/pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "every font embedded: \(fonts)")
    }

    @Test func theRotatedJPEGIsPrintedUpright() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch, evidence: "  - {id: photo, file: evidence/photo.jpg, title: Фото квитанции, kind: photo}")
        let (outcome, pages, pdf) = try Self.kit(folder, in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let page = try #require(pages.firstIndex { $0.contains("Приложение № 1 к претензии") }) + 1
        // At 150 dpi the photo, upright 32 × 64 px, is 15.36 × 30.72 pt: taller than wide.
        // The page rendered at 150 dpi holds it pixel for pixel: red above blue, black at the right.
        let prefix = scratch.url.appendingPathComponent("page").path
        _ = try CLIRunner.runTool("/usr/bin/pdftoppm", ["-r", "150", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix])
        let image = try PPMImage(path: prefix + ".ppm")
        // The image is the only thing between the header's rule (at about 75 px) and the footer.
        let box = try #require(image.boundingBox(rows: 90..<1500) { $0.r < 240 || $0.g < 240 || $0.b < 240 })
        #expect(abs(box.width - 32) <= 2 && abs(box.height - 64) <= 2, "upright: \(box)")
        let top = image.pixel(box.x + 8, box.y + 12), bottom = image.pixel(box.x + 8, box.y + box.height - 12)
        let right = image.pixel(box.x + box.width - 2, box.y + box.height / 2)
        #expect(top.r > 150 && top.b < 100, "red above: \(top)")
        #expect(bottom.b > 150 && bottom.r < 100, "blue below: \(bottom)")
        #expect(right.r < 60 && right.g < 60 && right.b < 60, "the black band at the right: \(right)")
    }

    @Test func aHEICPhotoIsDecodedByLibheif() throws {
        let scratch = try ScratchFolder()
        let folder = try LetterFormsTests.claim(in: scratch, files: [:], evidence: "  - {id: photo, file: evidence/photo.heic, title: Фото чека, kind: photo}")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("photo.heic"),
                                         to: URL(fileURLWithPath: folder).appendingPathComponent("evidence/photo.heic"))
        let (outcome, pages, pdf) = try Self.kit(folder, in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let page = try #require(pages.firstIndex { $0.contains("Приложение № 1 к претензии") }) + 1
        let prefix = scratch.url.appendingPathComponent("page").path
        _ = try CLIRunner.runTool("/usr/bin/pdftoppm", ["-r", "150", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix])
        let image = try PPMImage(path: prefix + ".ppm")
        let box = try #require(image.boundingBox(rows: 90..<1500) { $0.r < 240 || $0.g < 240 || $0.b < 240 })
        #expect(abs(box.width - 64) <= 2 && abs(box.height - 32) <= 2, "64 × 32 at 150 dpi: \(box)")
        let left = image.pixel(box.x + 12, box.y + 20), right = image.pixel(box.x + box.width - 12, box.y + 20)
        #expect(left.r > 150 && left.b < 100 && right.b > 150 && right.r < 100, "red left, blue right: \(left) \(right)")
    }

    @Test func aKitFromTheBundleReadsTheEvidenceInside() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch)
        let bundle = scratch.url.appendingPathComponent("claim.zip").path
        let built = try CLIRunner.run(["build", folder, "-o", bundle], in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        let (outcome, pages, _) = try Self.kit(bundle, in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let prefix = try Self.hashPrefix(URL(fileURLWithPath: folder).appendingPathComponent("evidence/history.png").path)
        let history = Self.copyPages(pages, number: 4)
        #expect(history.count == 4 && history.allSatisfy { $0.contains("SHA-256 файла history.png: \(prefix)") })
        #expect(Self.copyPages(pages, number: 6).count == 3)
    }

    @Test func aBrokenImageIsAnErrorNamingIt() throws {
        let scratch = try ScratchFolder()
        let folder = try LetterFormsTests.claim(in: scratch, files: ["broken.png": "\u{89}PNG not really"],
                                                evidence: "  - {id: shot, file: evidence/broken.png, title: Скриншот, kind: screenshot}")
        let (outcome, _, pdf) = try Self.kit(folder, in: scratch)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("evidence/broken.png: cannot be printed"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: pdf), "no kit with a blank page")
        let latin1 = try LetterFormsTests.claim(in: scratch, name: "latin1", files: [:],
                                                evidence: "  - {id: notes, file: evidence/notes.txt, title: Заметки, kind: call-notes}")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1).appendingPathComponent("evidence/notes.txt"))
        let (notUTF8, _, _) = try Self.kit(latin1, in: scratch)
        #expect(notUTF8.status == 1 && notUTF8.standardError.contains("evidence/notes.txt: cannot be printed: not UTF-8"), "\(notUTF8.standardError)")
    }

    @Test func duplexCountsTwoPagesASheet() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch, evidence: "  - {id: call, file: evidence/call.md, title: Записи о звонке, kind: call-notes}")
        let (outcome, pages, _) = try Self.kit(folder, in: scratch, ["--duplex"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(Self.copyPages(pages, number: 1).count == 4)
        let flowing = pages.joined().replacingOccurrences(of: "\n", with: " ")
        #expect(flowing.contains("Записи о звонке — на 2 л."), "four pages on two sheets")
        #expect(pages.filter { $0.contains("ОПИСЬ") && $0.contains("Записи о звонке на 2 л.") }.count == 2)
        // The one-page letter is followed by a blank back, so the copy starts on its own sheet.
        let letterEnd = try #require(pages.firstIndex { $0.contains("ПРЕТЕНЗИЯ") })
        #expect(pages[letterEnd + 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func theTextLetterListsTheCountedSheets() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch, evidence: "  - {id: receipt, file: evidence/receipt.pdf, title: Кассовый чек, kind: receipt}")
        let outcome = try CLIRunner.run(["letter", folder, "--format", "text"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.replacingOccurrences(of: "\u{00A0}", with: " ").contains("Кассовый чек — на 3 л."), "\(outcome.standardOutput)")
    }

    @Test func listAndNoneLeaveTheCopiesOut() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch)
        // list: today's behaviour — a file whose sheets cannot be counted needs sheets:.
        let (refused, _, _) = try Self.kit(folder, in: scratch, ["--attachments", "list"])
        #expect(refused.status == 1 && refused.standardError.contains("evidence \"call\" (evidence/call.md)")
                && refused.standardError.contains("sheets:"), "\(refused.standardError)")
        let typedScratch = try ScratchFolder()
        let typed = try Self.folder(in: typedScratch, evidence: Self.evidence
            .replacingOccurrences(of: "kind: receipt}", with: "kind: receipt, sheets: 3}")
            .replacingOccurrences(of: "kind: call-notes}", with: "kind: call-notes, sheets: 4}"))
        let (listed, listPages, _) = try Self.kit(typed, in: scratch, ["--attachments", "list"])
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(!listPages.contains { $0.contains("Приложение № 1 к претензии") })
        let flowing = listPages.joined().replacingOccurrences(of: "\n", with: " ")
        #expect(flowing.contains("Скриншот баланса — на 2 л."), "list: the sheets claim.yaml gives")
        let (none, nonePages, _) = try Self.kit(folder, in: scratch, ["--attachments", "none"])
        #expect(none.status == 0, "\(none.standardError)")
        let noneText = nonePages.joined()
        #expect(!noneText.contains("Скриншот баланса") && noneText.contains("электронной копией"), "only the electronic copy is enclosed")
    }

    @Test func anEnglishCopyIsHeadedInEnglish() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.folder(in: scratch, language: "en", evidence: "  - {id: receipt, file: evidence/receipt.pdf, title: Receipt, kind: receipt}")
        let (outcome, pages, _) = try Self.kit(folder, in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let copies = pages.filter { $0.contains("Enclosure 1 to the letter of 21/11/2026") }
        #expect(copies.count == 3 && copies[2].contains("sheet 3 of 3"), "\(copies)")
    }
}

/// A binary PPM (P6) as pdftoppm writes it, for looking at pixels.
struct PPMImage {
    let width: Int, height: Int
    private let bytes: [UInt8]
    private let offset: Int

    init(path: String) throws {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            var value = 0
            while (0x30...0x39).contains(data[index]) { value = value * 10 + Int(data[index] - 0x30); index += 1 }
            fields.append(value)
        }
        (width, height, bytes, offset) = (fields[0], fields[1], data, index + 1)
    }

    func pixel(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int) {
        let at = offset + (y * width + x) * 3
        return (Int(bytes[at]), Int(bytes[at + 1]), Int(bytes[at + 2]))
    }

    /// The smallest box around the pixels in `rows` that `test` accepts.
    func boundingBox(rows: Range<Int>? = nil, _ test: ((r: Int, g: Int, b: Int)) -> Bool) -> (x: Int, y: Int, width: Int, height: Int)? {
        var (minX, minY, maxX, maxY) = (Int.max, Int.max, -1, -1)
        for y in (rows ?? 0..<height).clamped(to: 0..<height) {
            for x in 0..<width where test(pixel(x, y)) {
                (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
            }
        }
        return maxX < 0 ? nil : (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }
}

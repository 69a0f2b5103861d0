import Foundation
import Testing

/// `claimpack export BUNDLE --for TARGET -o DIR`: a real bundle with PNG, JPEG, a tall PNG,
/// a PDF, Markdown notes and an mp3 exported, and every file read back with poppler-utils,
/// sha256sum and cmp.
struct ExportCommandTests {
    /// One row of the list file.
    struct Row: Equatable {
        let name: String
        let sheets: Int?
        let bytes: Int
        let sha256: String
    }

    /// The claim folder of `EvidenceCopyTests` built into `claim.zip`; the folder's path.
    static func bundle(in scratch: ScratchFolder, language: String = "ru") throws -> String {
        let folder = try EvidenceCopyTests.folder(in: scratch, language: language)
        let build = try CLIRunner.run(["build", folder, "-o", "claim.zip"], in: scratch.url)
        #expect(build.status == 0, "\(build.standardError)")
        return folder
    }

    /// The rows of the list file `list` in `folder`.
    static func rows(_ folder: URL, list: String) throws -> [Row] {
        let text = try String(contentsOf: folder.appendingPathComponent(list), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasSuffix("\tSHA-256") })
        return lines[(header + 1)...].prefix { !$0.isEmpty }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(name: fields[0], sheets: Int(fields[1]), bytes: Int(fields[2]) ?? -1, sha256: fields[3])
        }
    }

    /// The pages of `pdf`, each as pdftotext reads it.
    static func pages(_ pdf: URL) throws -> [String] {
        let text = try CLIRunner.runTool("/usr/bin/pdftotext", [pdf.path, "-"])
        return Array(text.replacingOccurrences(of: "\u{00A0}", with: " ").components(separatedBy: "\u{0C}").dropLast())
    }

    /// The page count pdfinfo gives.
    static func pageCount(_ pdf: URL) throws -> Int? {
        let info = try CLIRunner.runTool("/usr/bin/pdfinfo", [pdf.path])
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    /// A copy of claimpack's Templates/ with `court-ru`'s file limit set to `limit`.
    static func templates(in scratch: ScratchFolder, courtLimit limit: Int) throws -> String {
        try templates(in: scratch, replacing: [("file_limit: 30000000", "file_limit: \(limit)")])
    }

    /// A copy of claimpack's Templates/ with `export/targets.yaml` edited.
    static func templates(in scratch: ScratchFolder, replacing edits: [(String, String)]) throws -> String {
        let copy = scratch.url.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Templates"), to: copy)
        let file = copy.appendingPathComponent("export/targets.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        var lowered = text
        for (old, new) in edits {
            #expect(lowered.contains(old), "\(old)")
            lowered = lowered.replacingOccurrences(of: old, with: new)
        }
        try lowered.write(to: file, atomically: true, encoding: .utf8)
        return copy.path
    }

    /// The enclosures of the claim by attachment number: title, file, pages.
    static let enclosures: [(number: Int, title: String, file: String, sheets: Int)] = [
        (1, "Скриншот баланса", "balance.png", 1), (2, "Записи о звонке", "call.md", 4), (3, "Запись звонка", "call.mp3", 1),
        (4, "История операций", "history.png", 4), (5, "Фото квитанции", "photo.jpg", 1), (6, "Кассовый чек", "receipt.pdf", 3),
    ]

    @Test(arguments: ["court-ru", "court-ua", "email"])
    func eachTargetGetsTheLetterEachCopyTheBundleAndTheList(target: String) throws {
        let scratch = try ScratchFolder()
        let folder = try Self.bundle(in: scratch)
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", target, "-o", "out"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let out = scratch.url.appendingPathComponent("out")
        let rows = try Self.rows(out, list: "Опись.txt")
        let letter = try #require(rows.first)
        #expect(letter.name.hasPrefix("00 Претензия (") && letter.name.hasSuffix(" л.).pdf"), "\(letter.name)")
        let expectedNames = Self.enclosures.map { "0\($0.number) \($0.title) (\($0.sheets) л.).pdf" }
        #expect(rows.dropFirst().dropLast().map(\.name) == expectedNames)
        #expect(rows.last?.name == "claim.zip")
        // The folder holds exactly the files listed, and the list.
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == (rows.map(\.name) + ["Опись.txt"]).sorted())
        // stdout names each file written.
        #expect(outcome.standardOutput.split(separator: "\n").count == rows.count + 1)
        // No limit is confirmed in an act's own text yet: each run says so.
        #expect(outcome.standardError.contains("note: the limits of --for \(target) were not read in the act's own text"), "\(outcome.standardError)")

        // Every SHA-256 and size in the list is the file's, by sha256sum.
        for row in rows {
            let sum = try CLIRunner.runTool("/usr/bin/sha256sum", [out.appendingPathComponent(row.name).path])
            #expect(sum.hasPrefix(row.sha256 + " "), "\(row.name)")
            let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(row.name).path)[.size] as? Int
            #expect(size == row.bytes, "\(row.name)")
        }
        // The bundle byte for byte.
        let cmp = Process()
        cmp.executableURL = URL(fileURLWithPath: "/usr/bin/cmp")
        cmp.arguments = [scratch.url.appendingPathComponent("claim.zip").path, out.appendingPathComponent("claim.zip").path]
        try cmp.run()
        cmp.waitUntilExit()
        #expect(cmp.terminationStatus == 0)

        // The letter alone: its own pages, no Form 107, no envelope; text, not a picture.
        let letterPages = try Self.pages(out.appendingPathComponent(letter.name))
        #expect(letterPages.count == letter.sheets && letter.name.contains("(\(letterPages.count) л.)"))
        #expect(letterPages.first?.contains("ПРЕТЕНЗИЯ") == true)
        #expect(!letterPages.contains { $0.contains("ОПИСЬ") || $0.contains("Приложение № 1 к претензии") })
        let seal = try #require(String(data: try Data(contentsOf: out.appendingPathComponent("Опись.txt")), encoding: .utf8)?
            .split(separator: "\n").dropFirst().first?.split(separator: " ").last)
        // Each copy: its pages are the sheets in its name and in the list, headed and footed as in the kit.
        for (row, enclosure) in zip(rows.dropFirst(), Self.enclosures) {
            let pdf = out.appendingPathComponent(row.name)
            #expect(try Self.pageCount(pdf) == enclosure.sheets && row.sheets == enclosure.sheets, "\(row.name)")
            let prefix = try EvidenceCopyTests.hashPrefix(URL(fileURLWithPath: folder).appendingPathComponent("evidence/\(enclosure.file)").path)
            for (index, page) in try Self.pages(pdf).enumerated() {
                #expect(page.contains("Приложение № \(enclosure.number) к претензии от 21.11.2026 · лист \(index + 1) из \(enclosure.sheets)"), "\(page)")
                #expect(page.contains("SHA-256 файла \(enclosure.file): \(prefix)"), "\(page)")
                #expect(page.contains(String(seal)), "the seal on \(row.name)")
            }
        }
        #expect(try Self.pages(out.appendingPathComponent(rows[6].name)).enumerated().allSatisfy { $1.contains("Receipt page \(["one", "two", "three"][$0])") })
        // Names Windows can hold, at most 150 characters.
        for row in rows {
            #expect(row.name.utf16.count <= 150 && !row.name.contains { ":?*<>|\"\\".contains($0) }, "\(row.name)")
        }
    }

    @Test func theCopiesAreTheKitsOwnPages() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let export = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "out"], in: scratch.url)
        #expect(export.status == 0, "\(export.standardError)")
        let (kit, kitPages, _) = try EvidenceCopyTests.kit("claim.zip", in: scratch)
        #expect(kit.status == 0, "\(kit.standardError)")
        let rows = try Self.rows(scratch.url.appendingPathComponent("out"), list: "Опись.txt")
        for (row, enclosure) in zip(rows.dropFirst(), Self.enclosures) {
            let exported = try Self.pages(scratch.url.appendingPathComponent("out").appendingPathComponent(row.name))
            #expect(exported == EvidenceCopyTests.copyPages(kitPages, number: enclosure.number), "\(row.name)")
        }
        // The letter is the kit's first pages, up to the first copy.
        let letter = try Self.pages(scratch.url.appendingPathComponent("out").appendingPathComponent(rows[0].name))
        #expect(letter == Array(kitPages.prefix(letter.count)))
        #expect(kitPages[letter.count].contains("Приложение № 1 к претензии"))
    }

    @Test func jsonDescribesWhatWasWritten() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "email", "-o", "out", "--json"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? Int == 1 && object["command"] as? String == "export")
        let target = try #require(object["target"] as? [String: Any])
        #expect(target["key"] as? String == "email" && target["fileLimit"] as? Int == 14_000_000 && target["messageLimit"] as? Int == 14_000_000)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["kind"] as? String } == ["letter"] + Array(repeating: "enclosure", count: 6) + ["bundle", "list"])
        #expect(files.allSatisfy { Set($0.keys) == ["name", "kind", "attachment", "part", "parts", "sheets", "bytes", "sha256", "overLimit"] })
        let rows = try Self.rows(scratch.url.appendingPathComponent("out"), list: "Опись.txt")
        #expect(files.dropLast().map { $0["sha256"] as? String } == rows.map(\.sha256))
        #expect(files[2]["attachment"] as? Int == 2 && files[2]["sheets"] as? Int == 4)
    }

    @Test(arguments: [("uk", "Перелік.txt", "00 Претензія (", "02 Записи о звонке (4 арк.).pdf", "03 Запись звонка (1 арк.).pdf"),
                      ("en", "Index.txt", "00 Claim letter (", "02 Записи о звонке (4 pages).pdf", "03 Запись звонка (1 page).pdf")])
    func namesAndTheListAreInTheClaimsLanguage(language: String, list: String, letter: String, notes: String, recording: String) throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch, language: language)
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "court-ua", "-o", "out"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = try Self.rows(scratch.url.appendingPathComponent("out"), list: list)
        #expect(rows.first?.name.hasPrefix(letter) == true, "\(rows.map(\.name))")
        #expect(rows.contains { $0.name == notes } && rows.contains { $0.name == recording }, "\(rows.map(\.name))")
    }

    @Test func aCopyOverTheLimitIsSplitIntoNumberedParts() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let first = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "whole"], in: scratch.url)
        #expect(first.status == 0, "\(first.standardError)")
        let notes = try #require(try Self.rows(scratch.url.appendingPathComponent("whole"), list: "Опись.txt").first { $0.name.hasPrefix("02 ") })
        // A limit one byte under the notes' four pages: they must go in parts.
        let limit = notes.bytes - 1
        let templates = try Self.templates(in: scratch, courtLimit: limit)
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "out", "--templates", templates], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let out = scratch.url.appendingPathComponent("out")
        let parts = try Self.rows(out, list: "Опись.txt").filter { $0.name.hasPrefix("02 ") }
        #expect(parts.count >= 2, "\(parts)")
        #expect(outcome.standardError.contains("evidence/call.md") && outcome.standardError.contains("written in \(parts.count) parts"), "\(outcome.standardError)")
        var sheet = 0
        for (index, part) in parts.enumerated() {
            let sheets = try #require(part.sheets)
            #expect(part.name == "02 Записи о звонке, часть \(index + 1) из \(parts.count) (\(sheets) л.).pdf")
            #expect(part.bytes <= limit)
            let pdf = out.appendingPathComponent(part.name)
            #expect(try Self.pageCount(pdf) == sheets)
            // The sheets keep their numbers in the whole copy.
            for page in try Self.pages(pdf) {
                sheet += 1
                #expect(page.contains("Приложение № 2 к претензии от 21.11.2026 · лист \(sheet) из 4"), "\(page)")
            }
        }
        #expect(sheet == 4)
        let list = try String(contentsOf: out.appendingPathComponent("Опись.txt"), encoding: .utf8)
        #expect(list.contains("не более \(limit) байт"))
    }

    @Test func whatCannotBeSplitUnderTheLimitIsMarkedAndNamed() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let templates = try Self.templates(in: scratch, courtLimit: 1000)
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "out", "--templates", templates, "--json"],
                                        in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        // The tall screenshot stays one file of 4 pages: each part would hold the image whole.
        let history = files.filter { $0["attachment"] as? Int == 4 }
        #expect(history.count == 1 && history.first?["sheets"] as? Int == 4 && history.first?["overLimit"] as? Bool == true, "\(history)")
        // The notes go page by page, each still over 1000 bytes.
        let notes = files.filter { $0["attachment"] as? Int == 2 }
        #expect(notes.count == 4 && notes.allSatisfy { $0["sheets"] as? Int == 1 && $0["parts"] as? Int == 4 && $0["overLimit"] as? Bool == true })
        #expect(files.filter { $0["kind"] as? String != "list" }.allSatisfy { $0["overLimit"] as? Bool == true })
        let name = try #require(history.first?["name"] as? String)
        #expect(outcome.standardError.contains("\(name): warning: ") && outcome.standardError.contains("cannot be split further"),
                "\(outcome.standardError)")
        let list = try String(contentsOf: scratch.url.appendingPathComponent("out/Опись.txt"), encoding: .utf8)
        #expect(list.split(separator: "\n").contains { $0.hasPrefix(name + "\t") && $0.hasSuffix("портал его не примет; передайте его на носителе") })
    }

    @Test func filesTooManyForOneMessageAreSaidToGoInSeveral() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let templates = try Self.templates(in: scratch, replacing: [("file_limit: 14000000", "file_limit: 200000"),
                                                                    ("message_limit: 14000000", "message_limit: 200000")])
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "email", "-o", "out", "--templates", templates], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = try Self.rows(scratch.url.appendingPathComponent("out"), list: "Опись.txt")
        // The messages as the files fill them in order, each at most 200 000 bytes.
        var messages = 0, used = 200_000
        for row in rows {
            if used + row.bytes > 200_000 { messages += 1; used = 0 }
            used += row.bytes
        }
        #expect(messages >= 2, "\(rows.map(\.bytes))")
        let list = try String(contentsOf: scratch.url.appendingPathComponent("out/Опись.txt"), encoding: .utf8)
        #expect(list.contains("отправьте их в \(messages) письмах, не более 200000 байт в каждом"), "\(list)")
        #expect(outcome.standardError.contains("send them in \(messages) messages"), "\(outcome.standardError)")
    }

    @Test func anOutputInAClaimsEvidenceOrADanglingLinkIsRefused() throws {
        let scratch = try ScratchFolder()
        let folder = try Self.bundle(in: scratch)
        let inEvidence = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "\(folder)/evidence/out"], in: scratch.url)
        #expect(inEvidence.status == 73)
        #expect(inEvidence.standardError.contains("the evidence of a claim folder"), "\(inEvidence.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("\(folder)/evidence/out").path))
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("gone").path, withDestinationPath: "nowhere")
        let dangling = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "gone"], in: scratch.url)
        #expect(dangling.status == 73)
        #expect(dangling.standardError.contains("gone already exists (a symbolic link)"), "\(dangling.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.url.appendingPathComponent("gone").path) == "nowhere")
    }

    @Test func anExistingOutputFolderIsRefusedAndLeftAlone() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let out = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "court-ru", "-o", "out"], in: scratch.url)
        #expect(outcome.status == 73)
        #expect(outcome.standardError.contains("out already exists") && outcome.standardError.contains("name another folder, one that does not exist yet"), "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["notes.txt"])
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        // Nothing left beside it either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func aTamperedBundleIsRefusedAndNothingWritten() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        // Flip a byte inside the stored call notes, and put the entry back.
        let script = """
        import zipfile
        src = zipfile.ZipFile("claim.zip")
        out = zipfile.ZipFile("tampered.zip", "w")
        for i in src.infolist():
            data = src.read(i.filename)
            if i.filename.endswith("evidence/call.md"):
                data = data.replace("Строка 7 ".encode(), "Строка 8 ".encode(), 1)
            out.writestr(i, data)
        out.close()
        """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script], in: scratch.url)
        let outcome = try CLIRunner.run(["export", "tampered.zip", "--for", "court-ru", "-o", "out"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("call.md"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }

    @Test func anUnknownTargetIsBadUsage() throws {
        let scratch = try ScratchFolder()
        _ = try Self.bundle(in: scratch)
        let outcome = try CLIRunner.run(["export", "claim.zip", "--for", "court-xx", "-o", "out"], in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("court-ru, court-ua, email"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }
}

import Foundation
import Testing

struct InitCommandTests {
    @Test(arguments: ["ru", "uk", "en"])
    func initThenCheckNamesEveryPlaceholder(_ language: String) throws {
        let scratch = try ScratchFolder()
        let created = try CLIRunner.run(["init", "my-claim", "--language", language], in: scratch.url)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput.hasSuffix("my-claim/claim.yaml\n"))
        let claim = try String(contentsOf: scratch.url.appendingPathComponent("my-claim/claim.yaml"), encoding: .utf8)
        #expect(claim.contains("\nlanguage: \(language) "))

        let checked = try CLIRunner.run(["check", "my-claim"], in: scratch.url)
        #expect(checked.status == 1)
        let placeholderLines = checked.standardError.split(separator: "\n").filter { $0.contains(": error: ") && $0.contains("placeholder <") }
        #expect(placeholderLines.count == 11)
        #expect(checked.standardError.split(separator: "\n").filter { $0.contains(": error: ") }.count == 11)
    }

    @Test func initNeverOverwritesAndExits73() throws {
        let scratch = try ScratchFolder()
        _ = try CLIRunner.run(["init", "c", "--language", "en"], in: scratch.url)
        let file = scratch.url.appendingPathComponent("c/claim.yaml")
        try Data("my own words".utf8).write(to: file)
        let again = try CLIRunner.run(["init", "c", "--language", "ru"], in: scratch.url)
        #expect(again.status == 73)
        #expect(again.standardError.contains("already exists and is never overwritten"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "my own words")
    }

    @Test func languageComesFromLANGWhenNotGiven() throws {
        let scratch = try ScratchFolder()
        _ = try CLIRunner.run(["init", "c"], in: scratch.url, environment: ["LANG": "uk_UA.UTF-8"])
        let claim = try String(contentsOf: scratch.url.appendingPathComponent("c/claim.yaml"), encoding: .utf8)
        #expect(claim.contains("\nlanguage: uk "))
    }

    @Test func anInstalledCopyFindsItsTemplates() throws {
        // The layout scripts/install.sh makes: PREFIX/bin/claimpack and PREFIX/share/claimpack.
        let prefix = try ScratchFolder()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: prefix.url.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: prefix.url.appendingPathComponent("share/claimpack"), withIntermediateDirectories: true)
        let installed = prefix.url.appendingPathComponent("bin/claimpack")
        try fileManager.copyItem(at: CLIRunner.executable, to: installed)
        for folder in ["Schemas", "Templates"] {
            try fileManager.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(folder),
                                     to: prefix.url.appendingPathComponent("share/claimpack/\(folder)"))
        }
        let work = try ScratchFolder()
        let outcome = try CLIRunner.run(["init", "x", "--language", "en"], in: work.url, executable: installed)
        #expect(outcome.status == 0, "\(outcome.standardError)")

        try fileManager.removeItem(at: prefix.url.appendingPathComponent("share"))
        let lost = try CLIRunner.run(["init", "y"], in: work.url, executable: installed)
        #expect(lost.status == 78)
        #expect(lost.standardError.contains("CLAIMPACK_RESOURCES"))
    }
}

/// `init --from`, the profile and evidence already in the folder.
struct InitStartingPointTests {
    /// The errors `check` reports that are not about a `<…>` placeholder.
    private func errorsBesidesPlaceholders(_ folder: String, in scratch: ScratchFolder) throws -> (placeholders: Int, others: [Substring]) {
        let checked = try CLIRunner.run(["check", folder], in: scratch.url)
        let errors = checked.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        let placeholders = errors.filter { $0.contains("placeholder <") }
        return (placeholders.count, errors.filter { !$0.contains("placeholder <") })
    }

    @Test(arguments: ["ru", "uk", "en"], ["telecom", "bank", "shop", "city-service"])
    func everyStartingPointPassesCheckButForItsPlaceholders(_ language: String, _ start: String) throws {
        let scratch = try ScratchFolder()
        let created = try CLIRunner.run(["init", "c", "--language", language, "--from", start], in: scratch.url)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardError.contains("from \(start)"))
        let claim = try String(contentsOf: scratch.url.appendingPathComponent("c/claim.yaml"), encoding: .utf8)
        let sector = ["telecom": "telecom", "bank": "finance", "shop": "goods", "city-service": "state"][start]!
        #expect(claim.contains("\n  sector: \(sector)\n"))
        #expect(claim.contains(start == "city-service" ? "\nkind: complaint\n" : "\nkind: claim\n"))
        // The law's answer period, from the law table, as a comment.
        #expect(claim.contains("(Templates/law/): "))
        let (placeholders, others) = try errorsBesidesPlaceholders("c", in: scratch)
        #expect(placeholders > 0)
        #expect(others.isEmpty, "\(others)")
    }

    @Test func theRussianTelecomStartCarriesTheExamplesBases() throws {
        let scratch = try ScratchFolder()
        _ = try CLIRunner.run(["init", "c", "--language", "ru", "--from", "telecom"], in: scratch.url)
        let claim = try String(contentsOf: scratch.url.appendingPathComponent("c/claim.yaml"), encoding: .utf8)
        #expect(claim.contains("    basis: \"ст. 16, 32 Закона РФ «О защите прав потребителей»\"\n"))
        #expect(claim.contains("    basis: \"п. 5 ст. 44 Федерального закона «О связи»\"\n"))
        #expect(claim.contains("п. 7 ст. 55 Федерального закона от 07.07.2003 № 126-ФЗ «О связи»"))
    }

    @Test func anUnknownStartingPointIsAUsageError() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["init", "c", "--from", "airline"], in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("telecom"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("c").path))
    }

    private func writeProfile(_ text: String, in config: URL) throws {
        let folder = config.appendingPathComponent("claimpack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("profile.yaml"))
    }

    @Test func theProfileFillsInTheClaimantAndTheLanguage() throws {
        let scratch = try ScratchFolder()
        let config = scratch.url.appendingPathComponent("config")
        try writeProfile("""
            name: Петренко Олена Іванівна
            address: "01001, м. Київ, вул. Хрещатик, буд. 1, кв. 2"
            phone: "+380 44 000 00 00"
            email: olena@example.ua
            language: uk
            """, in: config)
        let created = try CLIRunner.run(["init", "c", "--from", "telecom"], in: scratch.url, environment: ["XDG_CONFIG_HOME": config.path])
        #expect(created.status == 0, "\(created.standardError)")
        let claim = try String(contentsOf: scratch.url.appendingPathComponent("c/claim.yaml"), encoding: .utf8)
        #expect(claim.contains("\nlanguage: uk "))
        #expect(claim.contains("  name: \"Петренко Олена Іванівна\"\n"))
        #expect(claim.contains("  address: \"01001, м. Київ, вул. Хрещатик, буд. 1, кв. 2\"\n"))
        #expect(claim.contains("  phone: \"+380 44 000 00 00\"\n"))
        #expect(claim.contains("  email: \"olena@example.ua\"\n"))
        let (_, others) = try errorsBesidesPlaceholders("c", in: scratch)
        #expect(others.isEmpty, "\(others)")

        // HOME/.config when XDG_CONFIG_HOME is not set; --no-profile leaves the placeholders.
        let home = scratch.url.appendingPathComponent("home")
        try writeProfile("name: Smith John\n", in: home.appendingPathComponent(".config"))
        _ = try CLIRunner.run(["init", "h", "--language", "en"], in: scratch.url, environment: ["HOME": home.path])
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("h/claim.yaml"), encoding: .utf8).contains("  name: \"Smith John\"\n"))
        _ = try CLIRunner.run(["init", "n", "--language", "en", "--no-profile"], in: scratch.url, environment: ["HOME": home.path])
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("n/claim.yaml"), encoding: .utf8).contains("  name: \"<Full name>\"\n"))
    }

    @Test(arguments: [
        ("name: Smith\naddres: 1 High Street\n", 2, "\"addres\" is not a profile key (name, address, phone, email, language); did you mean address?"),
        ("name: Smith\nlanguage: de\n", 2, "language: de is not one of ru, uk, en"),
        ("name: Smith\nphone: [1, 2]\n", 2, "phone: write the value as text on the same line"),
        ("name: Smith\n  address: x: y\n", 2, "YAML syntax: "),
    ])
    func aMalformedProfileNamesTheFileAndLine(_ text: String, _ line: Int, _ message: String) throws {
        let scratch = try ScratchFolder()
        let config = scratch.url.appendingPathComponent("config")
        try writeProfile(text, in: config)
        let outcome = try CLIRunner.run(["init", "c", "--language", "en"], in: scratch.url, environment: ["XDG_CONFIG_HOME": config.path])
        #expect(outcome.status == 66)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("\(config.path)/claimpack/profile.yaml:\(line): error: \(message)"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("c").path))
        let ignored = try CLIRunner.run(["init", "c", "--language", "en", "--no-profile"], in: scratch.url, environment: ["XDG_CONFIG_HOME": config.path])
        #expect(ignored.status == 0)
    }

    @Test func evidenceAlreadyInTheFolderGetsAnEntryEach() throws {
        let scratch = try ScratchFolder()
        let evidence = scratch.url.appendingPathComponent("c/evidence/чат", isDirectory: true)
        try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
        try Data("note".utf8).write(to: scratch.url.appendingPathComponent("c/evidence/квитанция \"1\".txt"))
        try Data("note".utf8).write(to: evidence.appendingPathComponent("screen.png"))
        try Data("hidden".utf8).write(to: evidence.appendingPathComponent(".DS_Store"))
        let created = try CLIRunner.run(["init", "c", "--language", "ru"], in: scratch.url)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardError.contains("2 evidence files have an entry"))
        let claim = try String(contentsOf: scratch.url.appendingPathComponent("c/claim.yaml"), encoding: .utf8)
        #expect(claim.contains("""
            evidence:
            """))
        #expect(claim.contains("  - id: kvitantsiia-1\n    file: \"evidence/квитанция \\\"1\\\".txt\"\n    title: \"<что показывает квитанция \\\"1\\\".txt>\"\n"), "\(claim)")
        #expect(claim.contains("    file: \"evidence/чат/screen.png\"\n    title: \"<что показывает screen.png>\"\n"))
        #expect(!claim.contains(".DS_Store"))
        // check finds the entries valid, only their titles left to fill in.
        let checked = try CLIRunner.run(["check", "c"], in: scratch.url)
        let errors = checked.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.filter { $0.contains("placeholder <что показывает") }.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.contains("placeholder <") }, "\(errors)")
    }
}

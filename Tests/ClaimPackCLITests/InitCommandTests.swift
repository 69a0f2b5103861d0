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

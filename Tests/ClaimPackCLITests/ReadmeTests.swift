import Foundation
import Testing

/// The README is for users first and every document is reachable (issue 17, item 1).
struct ReadmeTests {
    static let root = CLIRunner.repositoryRoot

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The Markdown files a user reads: the README and every page under docs/.
    static func documents() throws -> [String] {
        let docs = root.appendingPathComponent("docs")
        let enumerator = FileManager.default.enumerator(atPath: docs.path)
        var found = ["README.md"]
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { found.append("docs/" + path) }
        }
        return found.sorted()
    }

    @Test func theReadmeOpensWithSetUpThenWhatItIsThenInstallThenAQuickStart() throws {
        let readme = try Self.read("README.md")
        #expect(readme.hasPrefix("""
            # claimpack

            ```sh
            scripts/setup.sh && swift run -c release claimpack build Examples/ru-telecom-subscription --force
            scripts/setup.sh --tests && scripts/fuzz.sh 30 && swift test
            ```

            """))
        let forWhom = try #require(readme.range(of: "claimpack is for a person"))
        let install = try #require(readme.range(of: "\n## Install\n"))
        let quickStart = try #require(readme.range(of: "\n## Quick start\n"))
        let commands = try #require(readme.range(of: "\n## Commands\n"))
        #expect(forWhom.lowerBound < install.lowerBound && install.lowerBound < quickStart.lowerBound
                && quickStart.lowerBound < commands.lowerBound)
        #expect(readme[install.upperBound..<quickStart.lowerBound].contains("scripts/install.sh ~/.local"))
        #expect(readme[install.upperBound..<quickStart.lowerBound].contains("scripts/uninstall.sh"))

        // Ten lines, init → check → build → letter → deliver → status.
        let block = readme[quickStart.upperBound...].components(separatedBy: "```sh\n")[1].components(separatedBy: "```")[0]
        let lines = block.split(separator: "\n")
        #expect(lines.count == 10, "\(lines.count) lines")
        let order = ["init", "check", "build", "letter", "deliver", "status"].map { verb in
            lines.firstIndex { $0.hasPrefix("claimpack \(verb) ") } ?? -1
        }
        #expect(order == order.sorted() && !order.contains(-1), "\(order)")
    }

    /// Every relative link of every document leads to a file inside the repository, and no
    /// document sends the reader outside it (the engineers' workspace is not the product's).
    @Test func everyLinkStaysInsideTheRepositoryAndResolves() throws {
        let repository = Self.root.standardizedFileURL.path
        for document in try Self.documents() {
            let text = try Self.read(document)
            #expect(!text.contains("../shared") && !text.contains("DESIGN.md"), "\(document) points outside the repository")
            let base = Self.root.appendingPathComponent(document).deletingLastPathComponent()
            for match in text.matches(of: /\]\(([^)\s]+)\)/) {
                let target = String(match.output.1)
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("#") { continue }
                let file = String(target.split(separator: "#", maxSplits: 1)[0])
                let resolved = base.appendingPathComponent(file).standardizedFileURL.path
                #expect(resolved.hasPrefix(repository + "/") || resolved == repository, "\(document): \(target) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: resolved), "\(document): \(target) does not exist")
            }
        }
    }

    @Test func theDocsIndexListsEveryPageAndTheBenchmarksHaveTheirFolder() throws {
        let index = try Self.read("docs/README.md")
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(pages.count >= 12)
        for page in pages { #expect(index.contains("](\(page))"), "docs/README.md does not index \(page)") }
        #expect(index.contains("](benchmarks/)"))
        #expect(!pages.contains { $0.hasPrefix("benchmark-") }, "benchmark tables belong in docs/benchmarks/")
        let tables = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs/benchmarks").path)
        #expect(tables.contains("benchmark-2026-11-22-b.md"))
        // Every benchmark table docs/performance.md names is where it says.
        let performance = try Self.read("docs/performance.md")
        for match in performance.matches(of: /docs\/benchmarks\/(benchmark-[0-9a-z-]+\.md)/) {
            #expect(tables.contains(String(match.output.1)), "\(match.output.1)")
        }
        #expect(!performance.contains("(docs/benchmark-"))
        #expect(try Self.read("Benchmarks/bench.py").contains("docs/benchmarks/benchmark-DATE.md"))
        #expect(try Self.read("README.md").contains("](docs/README.md)"))
    }

    /// The command table says what is true now: folders verified, complaints and statements
    /// of claim printed and exported; nothing merged is still "planned" or "refused until".
    @Test func theCommandTableSaysWhatIsMergedAsDone() throws {
        let table = try Self.read("README.md").split(separator: "\n").filter { $0.hasPrefix("| `claimpack ") }
        #expect(table.count >= 12)
        for row in table {
            #expect(!row.contains("planned") && !row.contains("refused until"), "\(row)")
        }
        #expect(table.contains { $0.hasPrefix("| `claimpack verify BUNDLE\\|DIR ") && $0.contains("extracted folder") })
        #expect(table.contains { $0.hasPrefix("| `claimpack export ") })
        let help = try CLIRunner.run(["verify", "--help"])
        #expect(help.standardOutput.contains("Check a bundle or its extracted folder: ZIP"), "\(help.standardOutput)")
    }
}

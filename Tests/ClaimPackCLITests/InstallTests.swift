import Foundation
import Testing
import Synchronization

/// scripts/install.sh and scripts/uninstall.sh (issue 17, item 2), run as a user would from
/// another folder, into a relative prefix with a space in its name. The executable is the
/// one `swift test` built (`--binary`), so the suite does not build a release copy; the
/// rest — man page, completions, docs, resources, manifest — is the script's real path.
/// One at a time: each runs `swift package --ignore-lock plugin generate-manual` in .build.
@Suite(.serialized)
struct InstallTests {
    static let install = CLIRunner.repositoryRoot.appendingPathComponent("scripts/install.sh").path
    static let uninstall = CLIRunner.repositoryRoot.appendingPathComponent("scripts/uninstall.sh").path

    /// Runs a script in `directory`, with this process's environment (`swift` on PATH) and `extra`.
    static func script(_ path: String, _ arguments: [String], in directory: URL, extra: [String: String] = [:]) throws -> CLIRunner.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The two pipes are read at once, so that neither can fill up and block the script.
        let errorData = Mutex<Data>(Data())
        let reader = Thread { errorData.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() } }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return CLIRunner.Outcome(status: process.terminationStatus,
                                 standardOutput: String(decoding: outputData, as: UTF8.self),
                                 standardError: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }

    /// Every regular file under `folder`, relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
            }
        }
        return found.sorted()
    }

    @Test func installIntoAPrefixWithASpaceRunFromElsewhereAndUninstall() throws {
        let scratch = try ScratchFolder()
        let installed = try Self.script(Self.install, ["--binary", CLIRunner.executable.path, "my prefix"], in: scratch.url)
        #expect(installed.status == 0, "\(installed.standardError)")
        let prefix = scratch.url.appendingPathComponent("my prefix")
        #expect(installed.standardOutput == prefix.path + "/bin/claimpack\n", "relative to the folder it was run in, not the repository's")

        // The tree.
        let files = Self.files(under: prefix)
        for expected in ["bin/claimpack", "share/claimpack/Schemas/claim-manifest-1.xsd", "share/claimpack/Templates/ru/letter.mustache",
                         "share/claimpack/Templates/law/ru.yaml", "share/man/man1/claimpack.1",
                         "share/bash-completion/completions/claimpack", "share/zsh/site-functions/_claimpack",
                         "share/fish/vendor_completions.d/claimpack.fish", "share/doc/claimpack/README.md",
                         "share/doc/claimpack/docs/README.md", "share/doc/claimpack/docs/claim-format.md",
                         "share/claimpack/install-manifest.txt"] {
            #expect(files.contains(expected), "\(expected) not installed")
        }
        let manifest = try String(contentsOf: prefix.appendingPathComponent("share/claimpack/install-manifest.txt"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").map(String.init)
        #expect(listed.filter { !$0.hasSuffix("/") }.sorted() == files, "the manifest lists every file installed, and only those")
        #expect(listed.contains("bin/") && listed.contains("share/man/man1/"), "the folders it created")
        let man = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/claimpack.1"), encoding: .utf8)
        #expect(man.contains(".Dt CLAIMPACK 1") && man.contains("deliver"), "\(man.prefix(300))")
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/claimpack"), encoding: .utf8)
        #expect(bash.contains("complete -o filenames -F _claimpack claimpack"))
        // Stripped: no symbol table left.
        let sections = try CLIRunner.runTool("/usr/bin/readelf", ["-S", prefix.appendingPathComponent("bin/claimpack").path])
        #expect(sections.contains(".text") && !sections.contains(".symtab"))

        // The installed executable, from another folder, finds its own resources.
        let elsewhere = scratch.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment"),
                                         to: elsewhere.appendingPathComponent("card claim"))
        let executable = prefix.appendingPathComponent("bin/claimpack")
        let initialised = try CLIRunner.run(["init", "new claim", "--language", "uk"], in: elsewhere, executable: executable)
        #expect(initialised.status == 0, "\(initialised.standardError)")
        let built = try CLIRunner.run(["build", "card claim", "-o", "card.zip"], in: elsewhere, executable: executable)
        #expect(built.status == 0, "\(built.standardError)")
        let letter = try CLIRunner.run(["letter", "card.zip", "-o", "kit.pdf"], in: elsewhere, executable: executable)
        #expect(letter.status == 0, "\(letter.standardError)")
        #expect(try Data(contentsOf: elsewhere.appendingPathComponent("kit.pdf")).starts(with: Data("%PDF-".utf8)))

        // Uninstalled: the prefix is left empty.
        let removed = try Self.script(Self.uninstall, ["my prefix"], in: scratch.url)
        #expect(removed.status == 0, "\(removed.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: prefix.path).isEmpty)
        let again = try Self.script(Self.uninstall, ["my prefix"], in: scratch.url)
        #expect(again.status == 66)
    }

    @Test func uninstallLeavesTheUsersFilesAndTheirFolders() throws {
        let scratch = try ScratchFolder()
        let prefix = scratch.url.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/man"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: prefix.appendingPathComponent("share/man/other.1"))
        let installed = try Self.script(Self.install, ["--binary", CLIRunner.executable.path, prefix.path], in: scratch.url,
                                        extra: ["DESTDIR": ""])
        #expect(installed.status == 0, "\(installed.standardError)")
        try Data("notes".utf8).write(to: prefix.appendingPathComponent("share/doc/claimpack/my-notes.txt"))
        let removed = try Self.script(Self.uninstall, [prefix.path], in: scratch.url)
        #expect(removed.status == 0)
        #expect(Self.files(under: prefix) == ["share/doc/claimpack/my-notes.txt", "share/man/other.1"])
    }

    @Test func destdirStagesTheTreeForTheFinalPrefix() throws {
        let scratch = try ScratchFolder()
        let installed = try Self.script(Self.install, ["--binary", CLIRunner.executable.path, "/usr"], in: scratch.url,
                                        extra: ["DESTDIR": "stage"])
        #expect(installed.status == 0, "\(installed.standardError)")
        let staged = Self.files(under: scratch.url.appendingPathComponent("stage/usr"))
        #expect(staged.contains("bin/claimpack") && staged.contains("share/man/man1/claimpack.1"))
        #expect(Self.files(under: scratch.url).allSatisfy { $0.hasPrefix("stage/usr/") })
    }

    @Test(arguments: [["/proc/version/x"], ["a", "b"], ["--binary", "/nonexistent/claimpack", "p"]])
    func aPrefixThatCannotBeWrittenIsRefusedBeforeBuilding(_ arguments: [String]) throws {
        let scratch = try ScratchFolder()
        let outcome = try Self.script(Self.install, arguments, in: scratch.url)
        switch arguments.count {
        case 1:
            #expect(outcome.status == 73)
            #expect(outcome.standardError.contains("cannot install into /proc/version/x: /proc/version is not a folder"), "\(outcome.standardError)")
            #expect(outcome.standardError.contains("scripts/install.sh ~/.local"))
        case 2: #expect(outcome.status == 64)
        default: #expect(outcome.status == 66)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}

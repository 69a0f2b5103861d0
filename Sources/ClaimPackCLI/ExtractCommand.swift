internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack extract BUNDLE DIR`: a verified bundle taken apart into a new folder.
struct ExtractCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract a verified bundle into a new folder, safely.",
        discussion: """
            The bundle is verified first; one that does not verify is refused unless --force. \
            DIR must not exist: it is created, written completely and only then given its name; \
            nothing is ever overwritten, no link is written or followed, no entry leaves DIR. \
            Each file is checked as it is written (size, CRC-32, SHA-256); after any failure nothing is left. \
            With --windows-safe, names Windows cannot hold are changed and listed in DIR/NAMES.txt (docs/recipient.md). \
            Exit status: 0 extracted; 2 extracted, the content intact in a container re-packed by another tool (V130); 1 the bundle does not verify (with --force: extracted all the same), or an entry cannot be extracted; \
            66 the bundle cannot be read; 73 DIR exists or cannot be created; 74 an I/O error.
            """
    )

    @Argument(help: "The bundle (.zip).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Argument(help: "The folder to create; it must not exist.", completion: .directory)
    var folder: String

    @Flag(help: "Extract a bundle that does not verify: every entry that can be written safely; the others are skipped and listed.")
    var force = false

    @Flag(name: .customLong("windows-safe"), help: "Change names Windows cannot hold (<>:\"\\|?*, a trailing dot or space, CON, NUL, COM1 …) and list the changes in NAMES.txt.")
    var windowsSafe = false

    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let resources = try Resources.locate()
        SignalCleanup.install()
        let progress = ProgressBar(label: "extract")
        var extractor = BundleExtractor(schemas: resources.schemas)
        if let progress {
            extractor.progress = { done, total in progress.update(done: done, total: total) }
        }
        try OutputDestination.require(folder, writing: .folder, inputs: [bundle])
        let result: ExtractionResult
        do throws(ExtractionError) {
            result = try extractor.extract(URL(fileURLWithPath: bundle), into: URL(fileURLWithPath: folder),
                                           force: force, windowsSafe: windowsSafe)
            progress?.finish()
        } catch {
            progress?.finish()
            if case .notIntact(let report) = error {
                JSONReport.capture(report.findings)
                Console.messages(report.findings.map(\.description))
            }
            Console.error(error.description)
            throw ExitCode(error.exitStatus)
        }
        if !result.report.isIntact {
            Console.messages(result.report.findings.map(\.description))
        }
        for item in result.skipped {
            Console.message("claimpack: skipped: \(item.entry): \(item.reason)")
        }
        if result.report.verdict == .repacked {
            Console.message("claimpack: the content is intact (the sealed files), the ZIP was re-packed by another tool (V130)")
        }
        if json {
            JSONReport.write(ExtractionSummary(result, bundle: bundle, folder: folder))
        } else {
            printResult(result)
        }
        switch result.report.verdict {
        case .intact, .extractedFolder: break
        case .repacked: throw ExitCode.contentIntactRepacked
        case .notIntact:
            Console.error("the bundle does NOT verify; it was extracted because of --force: do not rely on what was extracted")
            throw ExitCode.problemsFound
        }
    }

    private func printResult(_ result: ExtractionResult) {
        Console.result("extracted: \(Plural.english(result.written.count, "file")), \(result.bytes) bytes into \(folder)")
        Console.result("seal: \(result.report.seal?.hex ?? result.report.sealAbsence)")
        for item in result.renamed {
            Console.result("renamed: \(item.entry) -> \(item.written)")
        }
        if let names = result.namesFile {
            Console.result("names changed: \(result.renamed.count), listed in \(URL(fileURLWithPath: folder).appendingPathComponent(names).path)")
        }
    }
}

/// The `extract --json` object.
struct ExtractionSummary: Encodable {
    struct Renamed: Encodable {
        let entry: String
        let written: String
    }

    struct Skipped: Encodable {
        let entry: String
        let reason: String
    }

    let bundle: String
    let folder: String
    /// Files written, and their total size.
    let files: Int
    let bytes: UInt64
    @NullEncoded var seal: String?
    /// As `verify --json`'s: `intact`, `content-intact-repacked` or `not-intact` (only with `--force`).
    let verdict: String
    let findings: [FindingRecord]
    /// With `--windows-safe`: the names changed, and `NAMES.txt` listing them (else `null`).
    let renamed: [Renamed]
    @NullEncoded var namesFile: String?
    /// With `--force`: the entries that could not be written safely.
    let skipped: [Skipped]

    init(_ result: ExtractionResult, bundle: String, folder: String) {
        self.bundle = bundle
        self.folder = folder
        files = result.written.count
        bytes = result.bytes
        seal = result.report.seal?.hex
        verdict = result.report.verdict.rawValue
        findings = result.report.findings.map(FindingRecord.init)
        renamed = result.renamed.map { Renamed(entry: $0.entry, written: $0.written) }
        namesFile = result.namesFile
        skipped = result.skipped.map { Skipped(entry: $0.entry, reason: $0.reason) }
    }
}

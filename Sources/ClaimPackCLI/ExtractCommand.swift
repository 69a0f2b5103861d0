internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack extract BUNDLE DIR`: a verified bundle taken apart into a new folder.
struct ExtractCommand: ParsableCommand {
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

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let resources = try Resources.locate()
        SignalCleanup.install()
        let progress = ProgressBar(label: "extract")
        var extractor = BundleExtractor(schemas: resources.schemas)
        if let progress {
            extractor.progress = { done, total in progress.update(done: done, total: total) }
        }
        let result: ExtractionResult
        do throws(ExtractionError) {
            result = try extractor.extract(URL(fileURLWithPath: bundle), into: URL(fileURLWithPath: folder),
                                           force: force, windowsSafe: windowsSafe)
            progress?.finish()
        } catch {
            progress?.finish()
            if case .notIntact(let report) = error {
                Console.messages(report.findings.map(\.description))
            }
            Console.error(error.description)
            throw ExitCode(error.exitStatus)
        }
        let intact = result.report.isIntact
        if !intact {
            Console.messages(result.report.findings.map(\.description))
        }
        for item in result.skipped {
            Console.message("claimpack: skipped: \(item.entry): \(item.reason)")
        }
        Console.result("extracted: \(result.written.count) file\(result.written.count == 1 ? "" : "s"), \(result.bytes) bytes into \(folder)")
        Console.result("seal: \(result.report.seal?.hex ?? "none (manifest.xml is missing or unreadable)")")
        for item in result.renamed {
            Console.result("renamed: \(item.entry) -> \(item.written)")
        }
        if let names = result.namesFile {
            Console.result("names changed: \(result.renamed.count), listed in \(URL(fileURLWithPath: folder).appendingPathComponent(names).path)")
        }
        switch result.report.verdict {
        case .intact, .extractedFolder: break
        case .repacked:
            Console.message("claimpack: the content is intact (the sealed files), the ZIP was re-packed by another tool (V130)")
            throw ExitCode.contentIntactRepacked
        case .notIntact:
            Console.error("the bundle does NOT verify; it was extracted because of --force: do not rely on what was extracted")
            throw ExitCode.problemsFound
        }
    }
}

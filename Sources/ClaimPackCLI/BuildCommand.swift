internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack build DIR`: the sealed bundle of a claim folder.
struct BuildCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the sealed, checksummed bundle (ZIP + BagIt) of a claim folder.",
        discussion: "Runs every check first and writes nothing when there is an error. Prints the bundle's path and its seal (the SHA-256 of manifest.xml). With --force over a bundle whose delivery record holds events (sent, delivered…), the record and its proofs are carried over when the seal is the same; otherwise nothing is written unless --discard-delivery. Exit status: 0 built; 1 the claim has errors; 66 an input cannot be read; 73 the output cannot be created (or exists, without --force; or is not a claimpack bundle --force may replace; or lies inside the claim folder or a claim's evidence/; or holds a delivery record the new bundle cannot carry); 74 an I/O error; 75 another claimpack is using the bundle (try again)."
    )

    @Argument(help: "The claim folder (the one holding claim.yaml).", completion: .directory)
    var folder: String = "."

    @Option(name: .shortAndLong, help: "The bundle to write (default: <id>.zip in the current folder).", completion: .file(extensions: ["zip"]))
    var output: String?

    @Flag(help: "Replace the output if it is a claimpack bundle (never another file).")
    var force = false

    @Flag(help: "With --force: replace a bundle whose delivery record holds events even when the new one cannot carry them (they are lost).")
    var discardDelivery = false

    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if discardDelivery && !force { throw ValidationError("--discard-delivery goes with --force") }
        if output == "-" { throw ValidationError("-o -: a bundle is a file deliver and timestamp rewrite, not a stream; give a file name such as claim.zip") }
    }

    func run() throws {
        var report = try ClaimFolderLoader.read(folder)
        if !report.diagnostics.isEmpty, !json || report.diagnostics.containsErrors {
            Console.messages(DiagnosticOutput.lines(report.diagnostics, folder: folder))
        }
        // Shown: not held through the build (`--json` gives them at the end).
        if !json { report = report.keepingErrorsOnly() }
        guard let claim = report.claim, report.isBuildable else {
            JSONReport.capture(report.diagnostics)
            Console.error("\(folder): \(DiagnosticOutput.summary(report.diagnostics)); nothing written")
            let unreadable = report.diagnostics.contains { $0.severity == .error && $0.code == .unreadableEvidence }
            throw unreadable ? ExitCode.noInput : ExitCode.problemsFound
        }
        let resources = try Resources.locate()
        let target = URL(fileURLWithPath: output ?? "\(claim.id).zip")
        SignalCleanup.install()
        let progress = ProgressBar(label: "build")
        var builder = BundleBuilder(schemas: resources.schemas, software: "claimpack \(ClaimpackCommand.configuration.version)")
        if let progress {
            builder.progress = { done, total in progress.update(done: done, total: total) }
        }
        let result: BuildResult
        do throws(BuildError) {
            result = try builder.build(report, to: target, replacing: force, discardingDelivery: discardDelivery)
            progress?.finish()
            for note in result.notes { Console.message("claimpack: note: \(note)") }
        } catch {
            progress?.finish()
            Console.error(error.description)
            throw ExitCode(error.exitStatus)
        }
        let path = output ?? "\(claim.id).zip"
        if json {
            JSONReport.write(BuildSummary(bundle: path, seal: result.seal.hex, files: result.payload.count,
                                          bytes: result.payload.reduce(0) { $0 + $1.size },
                                          diagnostics: report.diagnostics.map(DiagnosticOutput.Record.init)))
        } else {
            Console.result("bundle: \(path)")
            Console.result("seal: \(result.seal.hex)")
        }
    }
}

/// The `build --json` object.
struct BuildSummary: Encodable {
    let bundle: String
    let seal: String
    let files: Int
    let bytes: UInt64
    /// The claim's warnings and notes (a bundle is built only when there is no error).
    let diagnostics: [DiagnosticOutput.Record]
}

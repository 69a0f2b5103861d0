internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack check DIR`: every diagnostic of a claim folder; nothing is written.
struct CheckCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem of a claim folder; nothing is written.",
        discussion: "Diagnostics go to standard error as FILE:LINE:COL: SEVERITY: MESSAGE, sorted. Exit status: 0 no errors, 1 errors, 66 the folder or its claim.yaml cannot be read."
    )

    @Argument(help: "The claim folder (the one holding claim.yaml).", completion: .directory)
    var folder: String = "."

    @Flag(help: "Print the diagnostics as a JSON object on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        // The follows: bundle is verified as build verifies it.
        let report = try ClaimFolderLoader.read(folder).checkingFollowedBundle(schemas: Resources.locate().schemas)
        if json {
            JSONReport.write(CheckSummary(folder: folder, diagnostics: report.diagnostics))
        } else {
            DiagnosticOutput.printText(report.diagnostics, subject: folder)
        }
        if report.diagnostics.containsErrors { throw ExitCode.problemsFound }
    }
}

/// The `check --json` object.
struct CheckSummary: Encodable {
    let folder: String
    let diagnostics: [DiagnosticOutput.Record]
    let errors: Int
    let warnings: Int
    let notes: Int

    init(folder: String, diagnostics: [Diagnostic]) {
        self.folder = folder
        self.diagnostics = diagnostics.map(DiagnosticOutput.Record.init)
        errors = diagnostics.count(of: .error)
        warnings = diagnostics.count(of: .warning)
        notes = diagnostics.count(of: .note)
    }
}

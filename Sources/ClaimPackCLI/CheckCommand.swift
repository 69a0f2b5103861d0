internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack check DIR`: every diagnostic of a claim folder; nothing is written.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem of a claim folder; nothing is written.",
        discussion: "Diagnostics go to standard error as FILE:LINE:COL: SEVERITY: MESSAGE, sorted. Exit status: 0 no errors, 1 errors, 66 the folder or its claim.yaml cannot be read."
    )

    @Argument(help: "The claim folder (the one holding claim.yaml).", completion: .directory)
    var folder: String = "."

    @Flag(help: "Print the diagnostics as a JSON array on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let report = try ClaimFolderLoader.read(folder)
        if json {
            Console.json(DiagnosticOutput.json(report.diagnostics))
        } else {
            DiagnosticOutput.printText(report.diagnostics, subject: folder)
        }
        if report.diagnostics.containsErrors { throw ExitCode.problemsFound }
    }
}

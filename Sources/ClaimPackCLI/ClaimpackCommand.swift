internal import Foundation
public import ArgumentParser

/// `claimpack`: turn a claim folder into a sealed bundle, verify bundles, print the kit.
public struct ClaimpackCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claimpack",
        abstract: "Build, verify and print formal consumer claims with their evidence.",
        version: "0.1.0",
        subcommands: [InitCommand.self, CheckCommand.self, BuildCommand.self, VerifyCommand.self, LetterCommand.self, DeliverCommand.self, StatusCommand.self, ListCommand.self, ExtractCommand.self, TimestampCommand.self, EscalateCommand.self, ExportCommand.self, TemplatesCommand.self]
    )

    public init() {}

    /// A bare `claimpack`: the usage on standard error, exit status 64 (as git does).
    public func run() throws {
        Console.messages(Self.helpMessage().components(separatedBy: "\n"))
        throw ExitCode.usage
    }

    /// Parses the process's arguments, runs the command and exits with its status; with
    /// `--json`, a failure is also the error object on standard output (`JSONReport`).
    public static func runAsMain() {
        TimeZonePin.apply()
        JSONReport.begin(nil)
        do {
            var command = try parseAsRoot()
            MemoryTuning.apply(for: command)
            JSONReport.begin(command)
            try command.run()
        } catch {
            JSONReport.writeError(for: error)
            exit(withError: error)
        }
    }
}

public import ArgumentParser

/// `claimpack`: turn a claim folder into a sealed bundle, verify bundles, print the kit.
public struct ClaimpackCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claimpack",
        abstract: "Build, verify and print formal consumer claims with their evidence.",
        version: "0.1.0",
        subcommands: [InitCommand.self, CheckCommand.self, BuildCommand.self, VerifyCommand.self, LetterCommand.self, DeliverCommand.self, StatusCommand.self, ListCommand.self, ExtractCommand.self, TimestampCommand.self, EscalateCommand.self, TemplatesCommand.self]
    )

    public init() {}

    /// Parses the process's arguments, runs the command and exits with its status.
    public static func runAsMain() {
        TimeZonePin.apply()
        main()
    }
}

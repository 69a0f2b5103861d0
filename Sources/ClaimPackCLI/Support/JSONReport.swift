internal import Foundation
internal import ArgumentParser
internal import ClaimPack
internal import Synchronization

/// The `--json` output of every command (docs/json.md, Schemas/json/): exactly one object
/// on standard output, `{"format": 1, "command": …, "messages": […], …}`.
///
/// A command that succeeds (or whose result is a verdict, as `verify`'s) hands its object
/// to `write(_:)`. A command that fails only throws, as it does without `--json`: the
/// runner (`ClaimpackCommand.runAsMain`) then calls `writeError(for:)`, which prints
/// `{"format": 1, "command": …, "error": {"code", "exit", "message"}, …}` with the same
/// exit status. The lines a run writes on standard error (errors, warnings, notes) still go
/// there, and are also kept here: every object carries them as `messages`, and an error's
/// `message` is made of its `claimpack: error:` lines.
enum JSONReport {
    /// The version of every object's layout; a change that is not an addition raises it.
    static let format = 1

    private struct State {
        var requested = false
        var command = "claimpack"
        var written = false
        var messages: [String] = []
        var errors: [String] = []
        var diagnostics: [Diagnostic] = []
        var findings: [Finding] = []
    }

    private static let state = Mutex(State())

    /// Whether this run writes JSON.
    static var isRequested: Bool { state.withLock { $0.requested } }

    /// Starts a run: the command's name, and whether it asked for `--json`. Before the
    /// arguments are parsed (or when they cannot be), `--json` among them counts.
    static func begin(_ command: (any ParsableCommand)?, arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        let options = arguments.prefix { $0 != "--" }
        let name = command.map { type(of: $0).configuration.commandName ?? "claimpack" }
            ?? options.first { word in ClaimpackCommand.configuration.subcommands.contains { $0.configuration.commandName == word } }
            ?? "claimpack"
        let requested = (command as? any JSONCommand)?.json ?? options.contains("--json")
        state.withLock {
            $0.command = name
            $0.requested = requested
        }
    }

    /// Keeps a line written to standard error, for the object's `messages` (and, for a
    /// `claimpack: error:` line, the error's `message`).
    static func capture(_ line: String) {
        state.withLock {
            guard $0.requested else { return }
            $0.messages.append(line)
            if line.hasPrefix(errorPrefix) { $0.errors.append(String(line.dropFirst(errorPrefix.count))) }
        }
    }

    /// Keeps the claim's diagnostics that made a command fail, for the error object.
    static func capture(_ diagnostics: [Diagnostic]) {
        state.withLock { $0.diagnostics += diagnostics }
    }

    /// Keeps the findings of a bundle that did not verify, for the error object.
    static func capture(_ findings: [Finding]) {
        state.withLock { $0.findings += findings }
    }

    /// Writes the command's object, with `format`, `command` and `messages` first.
    static func write(_ body: some Encodable) {
        let (command, messages) = state.withLock {
            $0.written = true
            return ($0.command, $0.messages)
        }
        Console.json(JSONOutput.encode(Envelope(command: command, messages: messages, body: body)))
    }

    /// After a command failed with `error`: the error object, unless JSON was not asked
    /// for, the command wrote its object already, or `error` is not a failure (`--help`).
    static func writeError(for error: any Error) {
        let exit = ClaimpackCommand.exitCode(for: error)
        let (requested, written, errors) = state.withLock { ($0.requested, $0.written, $0.errors) }
        guard requested, !written, !exit.isSuccess else { return }
        var message = errors.joined(separator: "\n")
        if message.isEmpty { message = ClaimpackCommand.message(for: error) }
        if message.isEmpty { message = "exit status \(exit.rawValue)" }
        let failure = state.withLock {
            Failure(error: .init(code: code(of: exit.rawValue), exit: Int(exit.rawValue), message: message),
                    diagnostics: $0.diagnostics.map(DiagnosticOutput.Record.init), findings: $0.findings.map(FindingRecord.init))
        }
        write(failure)
    }

    /// The word for an exit status (DESIGN.md §6), the error object's `code`.
    static func code(of status: Int32) -> String {
        switch status {
        case 1: "problems-found"
        case 2: "content-intact-repacked"
        case 64: "usage"
        case 65: "data"
        case 66: "no-input"
        case 69: "unavailable"
        case 73: "cannot-create"
        case 74: "io-error"
        case 75: "busy"
        case 78: "configuration"
        default: "failure"
        }
    }

    private static let errorPrefix = "claimpack: error: "

    /// `format`, `command` and `messages`, then the keys of the command's own object.
    private struct Envelope<Body: Encodable>: Encodable {
        let command: String
        let messages: [String]
        let body: Body

        private enum Key: String, CodingKey { case format, command, messages }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(JSONReport.format, forKey: .format)
            try container.encode(command, forKey: .command)
            try container.encode(messages, forKey: .messages)
            try body.encode(to: encoder)
        }
    }

    /// The error object's keys besides `format`, `command` and `messages`.
    private struct Failure: Encodable {
        struct Details: Encodable {
            let code: String
            let exit: Int
            let message: String
        }

        let error: Details
        /// The claim's diagnostics, when they made the command fail.
        let diagnostics: [DiagnosticOutput.Record]
        /// The bundle's findings, when it did not verify.
        let findings: [FindingRecord]
    }
}

/// A finding of verification in JSON (`verify`'s `findings`, and an error's).
struct FindingRecord: Encodable {
    let code: String
    let severity: String
    @NullEncoded var entry: String?
    let message: String

    init(_ finding: Finding) {
        code = finding.code.rawValue
        severity = finding.severity.rawValue
        entry = finding.entry
        message = finding.message
    }
}

/// A command with a `--json` flag.
protocol JSONCommand {
    var json: Bool { get }
}

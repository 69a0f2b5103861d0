internal import Foundation
internal import ClaimPack
internal import SystemPackage

/// Where the CLI writes: results to standard output, messages to standard error.
///
/// Every line goes through `String.terminalEscaped`: much of what is printed came from the
/// input (entry and file names, YAML values, notes), and a control character, an ANSI
/// escape or a bidi override in it must not act on the terminal, start a line of its own
/// or disguise a finding. So one call prints one line; a line break in the text is shown
/// as `\n`. JSON goes through `json(_:)`, escaped by JSON's own rules. Colour
/// (`Console+Style.swift`), shell-quoted hints and paths as the user gave them
/// (`Console+Shell.swift`) are decided here too, so every command prints alike.
enum Console {
    /// Writes a result line to standard output.
    static func result(_ text: String) {
        FileHandle.standardOutput.write(Data((styled(text, for: .standardOutput) + "\n").utf8))
    }

    /// Writes a JSON document to standard output: as the encoder made it, with the
    /// characters JSON allows raw but a terminal would act on (DEL, C1 controls, bidi and
    /// other format characters) written as `\uXXXX` escapes, which mean the same to JSON.
    static func json(_ text: String) {
        FileHandle.standardOutput.write(Data((JSONOutput.terminalSafe(text) + "\n").utf8))
    }

    /// Writes a message line to standard error.
    static func message(_ text: String) {
        JSONReport.capture(text)
        FileHandle.standardError.write(Data((styled(text, for: .standardError) + "\n").utf8))
    }

    /// Writes message lines to standard error in one write: thousands of diagnostics would
    /// otherwise cost a system call each.
    static func messages(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        lines.forEach(JSONReport.capture)
        FileHandle.standardError.write(Data((lines.map { styled($0, for: .standardError) }.joined(separator: "\n") + "\n").utf8))
    }

    /// A line as it is written to `descriptor`: escaped, then coloured when that stream
    /// takes colour.
    private static func styled(_ text: String, for descriptor: FileDescriptor) -> String {
        colors(descriptor) ? painted(text.terminalEscaped) : text.terminalEscaped
    }

    /// Writes `claimpack: error: …` to standard error.
    static func error(_ text: String) {
        message("claimpack: error: \(text)")
    }
}

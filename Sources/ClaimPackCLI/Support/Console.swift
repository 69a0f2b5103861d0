internal import Foundation

/// Where the CLI writes: results to standard output, messages to standard error.
enum Console {
    /// Writes a result line to standard output.
    static func result(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a message line to standard error.
    static func message(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes message lines to standard error in one write: thousands of diagnostics would
    /// otherwise cost a system call each.
    static func messages(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes `claimpack: error: …` to standard error.
    static func error(_ text: String) {
        message("claimpack: error: \(text)")
    }
}

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

    /// Writes `claimpack: error: …` to standard error.
    static func error(_ text: String) {
        message("claimpack: error: \(text)")
    }
}

import Foundation
import Testing

/// Long work shows a progress bar on a terminal, and nothing when standard error is not one.
struct ProgressBarTests {
    @Test func buildAndVerifyShowProgressOnATerminalOnly() throws {
        let scratch = try ScratchFolder()
        // A sparse 3 GiB recording: long enough for the bar to appear after its first second.
        _ = try scratch.claimWithRecording(size: 3 << 30)

        // `script` gives the command a terminal and copies what it writes.
        let executable = CLIRunner.executable.path
        // A terminal of 60 columns: every drawing of the bar fits in it, without wrapping.
        let onTerminal = try CLIRunner.runTool("/usr/bin/script", ["-qec", "stty cols 60; \(executable) build claim -o x.zip", "/dev/null"],
                                               in: scratch.url)
        #expect(onTerminal.contains("build ["), "no progress bar on a terminal: \(onTerminal.suffix(300))")
        #expect(onTerminal.contains(/\d:\d\d left/), "time left as m:ss: \(onTerminal.suffix(300))")
        let drawings = onTerminal.replacingOccurrences(of: "\u{1B}[K", with: "").split(separator: "\r").filter { $0.hasPrefix("build [") }
        #expect(!drawings.isEmpty && drawings.allSatisfy { $0.count < 60 }, "\(drawings.map(\.count))")
        let verified = try CLIRunner.runTool("/usr/bin/script", ["-qec", "\(executable) verify x.zip", "/dev/null"], in: scratch.url)
        #expect(verified.contains("verify ["))

        let piped = try CLIRunner.run(["verify", "x.zip"], in: scratch.url)
        #expect(!piped.standardError.contains("["), "nothing when standard error is not a terminal")
    }
}

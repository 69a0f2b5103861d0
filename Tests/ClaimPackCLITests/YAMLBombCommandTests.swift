import Foundation
import Testing

/// `check` on YAML bombs, run as a user runs it: refused with its code, in bounded memory
/// and at once (the bounds are generous: this is no benchmark).
struct YAMLBombCommandTests {
    static let bombs: [(name: String, text: String, code: String)] = {
        var laughs = ["format: 1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 { laughs.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        var keys = ["format: 1", "k0: &k0 {x: 1, y: 2}"]
        for level in 1...12 { keys.append("k\(level): &k\(level) {*k\(level - 1): 1, ? *k\(level - 1) : 2}") }
        return [
            ("billion laughs", laughs.joined(separator: "\n") + "\n", "C005"),
            ("aliases as keys", keys.joined(separator: "\n") + "\n", "C005"),
            ("a million values", "format: 1\nx: [" + Array(repeating: "1", count: 500_000).joined(separator: ",") + "]\n", "C006"),
            ("deep brackets", "format: 1\nx: " + String(repeating: "[", count: 500_000) + "\n", "C007"),
            ("long scalar", "format: 1\nsubject: \"" + String(repeating: "x", count: 1_000_000) + "\"\n", "C008"),
        ]
    }()

    @Test(arguments: bombs.indices)
    func checkRefusesTheBombQuicklyInLittleMemory(_ index: Int) throws {
        let bomb = Self.bombs[index]
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data(bomb.text.utf8).write(to: claim.appendingPathComponent("claim.yaml"))
        #expect(bomb.text.utf8.count < 1 << 20, "\(bomb.name) must fit the file-size bound")
        let start = Date()
        // GNU time prints the peak resident set of the run, in KiB, as its last line.
        let outcome = try CLIRunner.run(["-f", "%M", CLIRunner.executable.path, "check", claim.path],
                                        executable: URL(fileURLWithPath: "/usr/bin/time"))
        let elapsed = Date().timeIntervalSince(start)
        #expect(outcome.status == 1, "\(bomb.name): \(outcome.standardError.prefix(500))")
        #expect(outcome.standardError.contains("error: ") && outcome.standardError.contains("claim.yaml:2:"), "\(bomb.name)")
        let peak = Int(outcome.standardError.split(separator: "\n").last ?? "") ?? .max
        #expect(peak < 64 << 10, "\(bomb.name): \(peak) KiB")
        #expect(elapsed < 10, "\(bomb.name): \(elapsed) s")
        let json = try CLIRunner.run(["check", claim.path, "--json"])
        #expect(json.standardOutput.contains("\"code\" : \"\(bomb.code)\""), "\(bomb.name): \(json.standardOutput.prefix(400))")
    }
}

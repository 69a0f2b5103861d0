import Foundation
import Testing
@testable import ClaimPackCLI

/// The printer's pieces every command shares: shell quoting, paths as given, colour.
struct ConsoleTests {
    @Test(arguments: [("my-claim", "my-claim"), ("Билайн", "Билайн"), ("a/b.zip", "a/b.zip"),
                      ("Билайн подписка", "'Билайн подписка'"), ("Bob's", "'Bob'\\''s'"), ("", "''"),
                      ("$HOME", "'$HOME'"), ("a*b", "'a*b'"), ("x;rm", "'x;rm'"), ("~/c", "'~/c'")])
    func wordsAreQuotedOnlyWhenTheShellWouldSplitOrExpandThem(_ word: String, _ quoted: String) throws {
        #expect(Console.quoted(word) == quoted)
        // bash reads the quoted word back as the word itself.
        let echoed = try CLIRunner.runTool("/bin/bash", ["-c", "printf %s \(Console.quoted(word))"])
        #expect(echoed == word)
    }

    @Test(arguments: [("claim.yaml", ".", "claim.yaml"), ("claim.yaml", "./", "claim.yaml"),
                      ("claim.yaml", "Билайн подписка", "Билайн подписка/claim.yaml"),
                      ("evidence/a.png", "c/", "c/evidence/a.png"), ("claim.yaml", "/tmp/c", "/tmp/c/claim.yaml"),
                      ("claim.yaml", "/", "/claim.yaml"), ("", "c", "c")])
    func pathsAreShownUnderTheFolderAsGiven(_ file: String, _ folder: String, _ shown: String) {
        #expect(Console.path(file, in: folder) == shown)
    }

    @Test func theFirstSeverityWordIsPainted() {
        let red = "\u{1B}[1;31m", magenta = "\u{1B}[1;35m", cyan = "\u{1B}[1;36m", reset = "\u{1B}[0m"
        #expect(Console.painted("c/claim.yaml:3:1: error: x") == "c/claim.yaml:3:1: \(red)error:\(reset) x")
        #expect(Console.painted("claim.yaml: warning: says error: here") == "claim.yaml: \(magenta)warning:\(reset) says error: here")
        #expect(Console.painted("claimpack: note: done") == "claimpack: \(cyan)note:\(reset) done")
        #expect(Console.painted("V100 error: a.txt: digest") == "V100 \(red)error:\(reset) a.txt: digest")
        #expect(Console.painted("NOT INTACT: 2 errors") == "\(red)NOT INTACT\(reset): 2 errors")
        #expect(Console.painted("terror: none") == "terror: none")
        #expect(Console.painted("intact: 9 entries checked") == "intact: 9 entries checked")
    }

    @Test(arguments: [20, 40, 50, 60, 80, 81, 200])
    func theProgressBarFitsTheTerminal(_ columns: Int) {
        for (done, total) in [(UInt64(0), UInt64(3) << 30), (1 << 30, 3 << 30), (3 << 30, 3 << 30)] {
            let line = ProgressBar.line(label: "verify", done: done, total: total, rate: 512 * 1_048_576,
                                        secondsLeft: 754, columns: columns)
            #expect(line.count < columns, "\(columns): \(line)")
            if columns >= 60 { #expect(line.contains("[") && line.hasSuffix(" 12:34 left"), "\(line)") }
        }
        #expect(ProgressBar.line(label: "build", done: 0, total: 10, rate: 1, secondsLeft: 1, columns: 200).contains("[" + String(repeating: "-", count: 30) + "]"))
    }

    @Test(arguments: [(0.0, "0:00"), (7.4, "0:07"), (59.6, "1:00"), (754, "12:34"), (3723, "1:02:03")])
    func timesLeftAreShownAsMinutesAndSeconds(_ seconds: Double, _ shown: String) {
        #expect(ProgressBar.clock(seconds) == shown)
    }
}

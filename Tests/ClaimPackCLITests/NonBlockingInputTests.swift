import Foundation
import Testing

/// Named pipes given where a file is read: refused at once, never waited on. (The limit
/// catches a hang; it is wide because a test waits for a thread of the test pool, which has
/// one per core, and on 2 cores the slow CLI suites can hold both for minutes.)
@Suite(.timeLimit(.minutes(5))) struct NonBlockingInputTests {
    @Test func verifyRefusesAPipeAsTheBundle() throws {
        let scratch = try ScratchFolder()
        let pipe = scratch.url.appendingPathComponent("bundle.zip")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let outcome = try CLIRunner.run(["verify", pipe.path], in: scratch.url)
        #expect(outcome.status == 66)
        #expect(outcome.standardError.contains("bundle.zip: cannot be read (a named pipe (FIFO), not a regular file)"), "\(outcome.standardError)")
    }

    @Test func verifyRefusesADeviceAsTheBundle() throws {
        let outcome = try CLIRunner.run(["verify", "/dev/zero"])
        #expect(outcome.status == 66)
        #expect(outcome.standardError.contains("/dev/zero: cannot be read (a device, not a regular file)"), "\(outcome.standardError)")
    }

    @Test func checkRefusesAPipeAsClaimYAML() throws {
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        #expect(mkfifo(claim.appendingPathComponent("claim.yaml").path, 0o644) == 0)
        let outcome = try CLIRunner.run(["check", claim.path], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("claim.yaml: error: claim.yaml is a named pipe (FIFO), not a regular file"), "\(outcome.standardError)")
    }
}

import Foundation
import Testing

/// Runs the built `claimpack` executable, as a user would, and captures what it prints.
struct CLIRunner {
    /// What one run printed and how it ended.
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The executable next to the test bundle (`swift test` builds it first).
    static let executable: URL = {
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return tests.deletingLastPathComponent().appendingPathComponent("claimpack")
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `claimpack arguments…` in `directory`, with `environment` added to a clean one.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL = executable) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        base.merge(environment) { $1 }
        process.environment = base
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so that a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }
}

extension CLIRunner {
    /// Runs another tool and returns its standard output.
    static func runTool(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A folder under the system's temporary folder, removed when the value is released.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("claimpack-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A claim folder named `claim` whose only evidence is a sparse recording of `size`
    /// bytes: quick to make, long enough to build for interruptions and progress bars.
    func claimWithRecording(size: off_t) throws -> URL {
        let claim = url.appendingPathComponent("claim")
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data("""
            format: 1
            language: en
            subject: Refund
            claimant: {name: Ann Smith, address: "1 Road, Leeds", email: ann@example.com}
            respondent: {name: Shop Ltd, address: "2 Road, York"}
            demands: [{text: Refund.}]
            delivery: {method: email}
            """.utf8).write(to: claim.appendingPathComponent("claim.yaml"))
        let recording = claim.appendingPathComponent("evidence/call.mp4").path
        guard FileManager.default.createFile(atPath: recording, contents: nil), truncate(recording, size) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        return claim
    }
}

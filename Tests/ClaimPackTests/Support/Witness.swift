import Foundation
import Testing

/// Standard tools that check claimpack's output independently: unzip, Python's zipfile,
/// xmllint, bagit-python, sha256sum. `scripts/setup.sh --tests` installs them.
enum Witness {
    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs a command with standard output and error merged.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Runs a Python script with arguments; returns its output.
    static func python(_ script: String, _ arguments: [String] = []) throws -> Outcome {
        try run(["python3", "-c", script] + arguments)
    }

    /// Unzips `bundle` into a new folder inside `folder` with `unzip`; returns the folder.
    static func unzip(_ bundle: URL, into folder: URL) throws -> URL {
        let target = folder.appendingPathComponent("unzipped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let outcome = try run(["unzip", "-q", bundle.path, "-d", target.path])
        #expect(outcome.status == 0, "unzip: \(outcome.output)")
        return target
    }
}

import Foundation

/// A time-stamping authority made by `openssl` in a temporary folder, with an HTTP server
/// on 127.0.0.1 (`Tests/Support/local_tsa.py`) that the test starts and stops.
final class LocalAuthority {
    let folder: URL
    private let process: Process?
    private let input: Pipe?
    /// The server's port, when it serves.
    let port: Int?

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Support/local_tsa.py")

    /// Makes the certificates; with `serving`, starts the server too.
    init(serving: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", LocalAuthority.script.path, folder.path] + (serving ? [] : ["--setup"])
        let input = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        if serving {
            // The server writes its port to a file once it listens.
            let portFile = folder.appendingPathComponent("port")
            var port: Int?
            for _ in 0..<300 where port == nil {
                port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
                if port == nil { usleep(100_000) }
            }
            guard let port, process.isRunning else {
                process.terminate()
                throw CocoaError(.fileReadUnknown)
            }
            self.port = port
            self.process = process
            self.input = input
        } else {
            process.waitUntilExit()
            self.port = nil
            self.process = nil
            self.input = nil
        }
    }

    /// The URL of one of the server's paths (`tsa`, `html`, `redirect`, `big`).
    func url(_ path: String) -> String { "http://127.0.0.1:\(port ?? 0)/\(path)" }

    /// The root that issued the TSA's certificate, and another one.
    var rootPEM: [UInt8] { (try? [UInt8](Data(contentsOf: folder.appendingPathComponent("ca.pem")))) ?? [] }
    var otherRootPEM: [UInt8] { (try? [UInt8](Data(contentsOf: folder.appendingPathComponent("other.pem")))) ?? [] }

    /// `openssl ts -reply` to a request, by hand.
    func reply(to query: [UInt8]) throws -> [UInt8] {
        let name = UUID().uuidString
        try Data(query).write(to: folder.appendingPathComponent("\(name).tsq"))
        let result = try LocalAuthority.openssl(["ts", "-reply", "-config", "tsa.cnf", "-queryfile", "\(name).tsq", "-out", "\(name).tsr"], in: folder)
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(name).tsr")))
    }

    /// Runs `openssl` with `arguments` in `folder`; its status and output (stdout and stderr).
    @discardableResult
    static func openssl(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Stops the server (its standard input closed, then SIGTERM) and removes the folder.
    func stop() {
        try? input?.fileHandleForWriting.close()
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }
}

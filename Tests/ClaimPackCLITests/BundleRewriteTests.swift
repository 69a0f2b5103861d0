import Foundation
import Testing

/// How `deliver` and `build --force` replace a bundle on disk: through symbolic links, with
/// its permissions and owner, hard links, read-only files, two runs at once, and `kill -9`
/// at any moment.
struct BundleRewriteTests {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming")

    static func status(_ path: URL) throws -> (mode: Int, owner: Int, group: Int, inode: Int, isLink: Bool) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
        return ((attributes[.posixPermissions] as? Int) ?? -1, (attributes[.ownerAccountID] as? Int) ?? -1,
                (attributes[.groupOwnerAccountID] as? Int) ?? -1, (attributes[.systemFileNumber] as? Int) ?? -1,
                attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    }

    static func events(_ bundle: String, in folder: URL) throws -> [String] {
        let status = try CLIRunner.run(["status", bundle, "--json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        return ((object?["events"] as? [[String: Any]]) ?? []).map { "\($0["type"] ?? "?")" + (($0["note"] as? String).map { " " + $0 } ?? "") }
    }

    /// The temporary files of claimpack left in `folder`.
    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".claimpack-partial-") }
    }

    @Test func deliverFollowsASymbolicLinkAndKeepsModeOwnerAndGroup() throws {
        let scratch = try ScratchFolder()
        let real = scratch.url.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        #expect(try CLIRunner.run(["build", Self.example.path, "-o", "real/b.zip"], in: scratch.url).status == 0)
        let file = real.appendingPathComponent("b.zip")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("link.zip").path, withDestinationPath: "real/b.zip")
        #expect(chmod(file.path, 0o600) == 0)
        let isRoot = getuid() == 0
        if isRoot { #expect(chown(file.path, 65534, 65534) == 0) }
        let before = try Self.status(file)

        let sent = try CLIRunner.run(["deliver", "link.zip", "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(try Self.status(scratch.url.appendingPathComponent("link.zip")).isLink, "the link stays a link")
        let after = try Self.status(file)
        #expect(after.mode == 0o600, "never widened: \(String(after.mode, radix: 8))")
        #expect(after.owner == before.owner && after.group == before.group)
        #expect(after.inode != before.inode, "replaced by a new file, atomically")
        #expect(try Self.events("real/b.zip", in: scratch.url) == ["prepared", "sent"])
        #expect(try CLIRunner.run(["verify", "link.zip"], in: scratch.url).status == 0)
        #expect(try Self.leftovers(in: real).isEmpty)
    }

    @Test func aHardLinkedBundleIsRewrittenUnderTheNameGivenAndSaysSo() throws {
        let scratch = try ScratchFolder()
        #expect(try CLIRunner.run(["build", Self.example.path, "-o", "b.zip"], in: scratch.url).status == 0)
        #expect(link(scratch.url.appendingPathComponent("b.zip").path, scratch.url.appendingPathComponent("other.zip").path) == 0)
        let old = try Data(contentsOf: scratch.url.appendingPathComponent("other.zip"))
        let sent = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-20"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardError.contains("had 1 other hard link"), "\(sent.standardError)")
        #expect(sent.standardError.contains("the other names keep the old content"))
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("other.zip")) == old)
        #expect(try Self.events("b.zip", in: scratch.url) == ["prepared", "sent"])
    }

    @Test func aReadOnlyBundleIsRefusedBeforeAnyWork() throws {
        let scratch = try ScratchFolder()
        #expect(try CLIRunner.run(["build", Self.example.path, "-o", "b.zip"], in: scratch.url).status == 0)
        let path = scratch.url.appendingPathComponent("b.zip")
        #expect(chmod(path.path, 0o444) == 0)
        let before = try Data(contentsOf: path)
        let refused = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-20"], in: scratch.url)
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("the bundle is read-only; make it writable to record an event"), "\(refused.standardError)")
        #expect(try Data(contentsOf: path) == before)
        #expect(try Self.status(path).mode == 0o444)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["b.zip"])
    }

    /// Two `deliver` runs on one bundle at once, 20 times: each run that says it recorded
    /// its event finds it in the record, and the bundle verifies.
    @Test func twoDeliverRunsAtOnceNeverLoseAnEvent() throws {
        let scratch = try ScratchFolder()
        #expect(try CLIRunner.run(["build", Self.example.path, "-o", "fresh.zip"], in: scratch.url).status == 0)
        var successes = 0
        for round in 0..<20 {
            let name = "round-\(round).zip"
            try FileManager.default.copyItem(at: scratch.url.appendingPathComponent("fresh.zip"), to: scratch.url.appendingPathComponent(name))
            let runs = try ["A", "B"].map { label in
                let process = Process()
                process.executableURL = CLIRunner.executable
                process.arguments = ["deliver", name, "sent", "--date", "2026-11-20", "--note", "run \(label)"]
                process.currentDirectoryURL = scratch.url
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return (label, process)
            }
            var recorded: [String] = []
            for (label, process) in runs {
                process.waitUntilExit()
                #expect([0, 1, 75].contains(process.terminationStatus))
                if process.terminationStatus == 0 { recorded.append("sent run \(label)") }
            }
            successes += recorded.count
            let events = try Self.events(name, in: scratch.url)
            #expect(recorded.count == 1, "round \(round): a second sent is out of order once the first is recorded")
            #expect(events == ["prepared"] + recorded, "round \(round): \(events) but \(recorded) reported success")
            #expect(try CLIRunner.run(["verify", name], in: scratch.url).status == 0)
        }
        #expect(successes == 20)
        #expect(try Self.leftovers(in: scratch.url).isEmpty)
    }
}

import Foundation
import Testing

/// `build --force` over a bundle whose delivery record holds events, and `kill -9` at any
/// moment of `build --force` or `deliver`.
struct BuildForceTests {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming")

    /// A copy of the example claim and its bundle `b.zip` with `sent` recorded, with a proof.
    static func deliveredBundle() throws -> (ScratchFolder, URL) {
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.copyItem(at: example, to: claim)
        #expect(try CLIRunner.run(["build", "claim", "-o", "b.zip"], in: scratch.url).status == 0)
        try Data("%PDF-1.4 receipt".utf8).write(to: scratch.url.appendingPathComponent("receipt.pdf"))
        let sent = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                      "--proof", "receipt.pdf"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        return (scratch, claim)
    }

    static func events(_ scratch: ScratchFolder) throws -> [String] {
        let status = try CLIRunner.run(["status", "b.zip", "--json"], in: scratch.url)
        let object = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        return ((object?["events"] as? [[String: Any]]) ?? []).map { "\($0["type"] ?? "?")" }
    }

    @Test func theSameSealCarriesTheRecordAndItsProofsOver() throws {
        let (scratch, _) = try Self.deliveredBundle()
        let forced = try CLIRunner.run(["build", "claim", "-o", "b.zip", "--force"], in: scratch.url)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(forced.standardError.contains("carried over the delivery record of the old b.zip (same seal): sent 2026-11-20 (russian-post RR473124829RU, 1 proof)"),
                "\(forced.standardError)")
        #expect(try Self.events(scratch) == ["prepared", "sent"])
        #expect(try CLIRunner.run(["verify", "b.zip"], in: scratch.url).status == 0)
        let listing = try CLIRunner.runTool("/usr/bin/unzip", ["-p", "b.zip", "kyivstar-roaming-2026/data/delivery/02-sent-receipt.pdf"], in: scratch.url)
        #expect(listing == "%PDF-1.4 receipt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["b.zip", "claim", "receipt.pdf"])
    }

    @Test func anotherSealIsRefusedAndTheOldBundleKept() throws {
        let (scratch, claim) = try Self.deliveredBundle()
        let bundle = scratch.url.appendingPathComponent("b.zip")
        let before = try Data(contentsOf: bundle)
        let evidence = try #require(try FileManager.default.subpathsOfDirectory(atPath: claim.appendingPathComponent("evidence").path).first)
        let handle = try FileHandle(forWritingTo: claim.appendingPathComponent("evidence/\(evidence)"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nchanged\n".utf8))
        try handle.close()
        let refused = try CLIRunner.run(["build", "claim", "-o", "b.zip", "--force"], in: scratch.url)
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("its delivery record holds events after prepared — sent 2026-11-20 (russian-post RR473124829RU, 1 proof)"),
                "\(refused.standardError)")
        #expect(refused.standardError.contains("differs from the old"))
        #expect(refused.standardError.contains("move it away"))
        #expect(try Data(contentsOf: bundle) == before, "the old bundle is the proof of what was sent")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["b.zip", "claim", "receipt.pdf"])

        let discarded = try CLIRunner.run(["build", "claim", "-o", "b.zip", "--force", "--discard-delivery"], in: scratch.url)
        #expect(discarded.status == 0, "\(discarded.standardError)")
        #expect(discarded.standardError.contains("discarded the delivery record of the old b.zip: sent 2026-11-20 (russian-post RR473124829RU, 1 proof), with its proofs data/delivery/02-sent-receipt.pdf"),
                "\(discarded.standardError)")
        #expect(try Self.events(scratch) == ["prepared"])
        #expect(try CLIRunner.run(["build", "claim", "-o", "b.zip", "--discard-delivery"], in: scratch.url).status == 64)
    }

    @Test func anOldBundleThatDoesNotVerifyKeepsItsRecordUnlessDiscarded() throws {
        let (scratch, _) = try Self.deliveredBundle()
        let bundle = scratch.url.appendingPathComponent("b.zip")
        var bytes = try Data(contentsOf: bundle)
        bytes[60] ^= 0x01
        try bytes.write(to: bundle)
        let refused = try CLIRunner.run(["build", "claim", "-o", "b.zip", "--force"], in: scratch.url)
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("its delivery record cannot be read, so it may hold events after prepared"), "\(refused.standardError)")
        #expect(refused.standardError.contains("the old bundle is damaged"))
        #expect(try Data(contentsOf: bundle) == bytes)

        // Damaged elsewhere than its ZIP structure: the record is read, the bundle does not verify.
        bytes[60] ^= 0x01
        try bytes.write(to: bundle)
        let offset = try CLIRunner.runTool("/usr/bin/python3", ["-c", """
            import struct, sys, zipfile
            info = [i for i in zipfile.ZipFile(sys.argv[1]).infolist() if '/data/evidence/' in i.filename][0]
            data = open(sys.argv[1], 'rb').read()
            print(info.header_offset + 30 + sum(struct.unpack('<HH', data[info.header_offset + 26:info.header_offset + 30])))
            """, bundle.path])
        bytes[try #require(Int(offset.trimmingCharacters(in: .whitespacesAndNewlines)))] ^= 0x01
        try bytes.write(to: bundle)
        let unverified = try CLIRunner.run(["build", "claim", "-o", "b.zip", "--force"], in: scratch.url)
        #expect(unverified.status == 73)
        #expect(unverified.standardError.contains("holds events after prepared — sent 2026-11-20"), "\(unverified.standardError)")
        #expect(unverified.standardError.contains("the old bundle does not verify"))
        #expect(try Data(contentsOf: bundle) == bytes)

        let discarded = try CLIRunner.run(["build", "claim", "-o", "b.zip", "--force", "--discard-delivery"], in: scratch.url)
        #expect(discarded.status == 0, "\(discarded.standardError)")
        #expect(try CLIRunner.run(["verify", "b.zip"], in: scratch.url).status == 0)
    }

    /// `kill -9` at seeded random moments of `build --force` and of `deliver`: the bundle
    /// always verifies (old or new, never half), and the next run removes the leftovers.
    @Test func killedRunsLeaveTheBundleIntactAndTheNextRunCleansUp() throws {
        let scratch = try ScratchFolder()
        let claim = try scratch.claimWithRecording(size: 48 << 20)
        let yaml = claim.appendingPathComponent("claim.yaml")
        try Data((try String(contentsOf: yaml, encoding: .utf8) + "\ndate: 2026-11-02\n").utf8).write(to: yaml)
        #expect(try CLIRunner.run(["build", claim.path, "-o", "fresh.zip"], in: scratch.url).status == 0)
        let fresh = scratch.url.appendingPathComponent("fresh.zip")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        var seed: UInt64 = 20_261_204
        func nextFraction() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let commands = [["build", claim.path, "-o", "b.zip", "--force"],
                        ["deliver", "b.zip", "sent", "--date", "2026-11-20", "--note", "killed"]]
        var leftoversSeen = 0
        for arguments in commands {
            // How long an uninterrupted run takes: the kills fall within it.
            try? FileManager.default.removeItem(at: bundle)
            try FileManager.default.copyItem(at: fresh, to: bundle)
            let start = ContinuousClock.now
            #expect(try CLIRunner.run(arguments, in: scratch.url).status == 0)
            let duration = ContinuousClock.now - start
            for round in 0..<6 {
                try? FileManager.default.removeItem(at: bundle)
                try FileManager.default.copyItem(at: fresh, to: bundle)
                let process = Process()
                process.executableURL = CLIRunner.executable
                process.arguments = arguments
                process.currentDirectoryURL = scratch.url
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                // Even rounds: any moment of the run. Odd rounds: a moment of the writing,
                // once the temporary file exists (the machine's load cannot move them out).
                var delay = duration * nextFraction()
                if round % 2 == 1 {
                    let deadline = ContinuousClock.now + .seconds(20)
                    let own = ".claimpack-partial-\(process.processIdentifier)-"
                    while process.isRunning, ContinuousClock.now < deadline,
                          !(try BundleRewriteTests.leftovers(in: scratch.url).contains { $0.contains(own) }) {
                        usleep(500)
                    }
                    delay = .milliseconds(20) * nextFraction()
                }
                usleep(UInt32(delay.components.seconds * 1_000_000 + delay.components.attoseconds / 1_000_000_000_000))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let verified = try CLIRunner.run(["verify", "b.zip"], in: scratch.url)
                #expect(verified.status == 0, "\(arguments[0]) killed after \(delay): \(verified.standardError)")
                leftoversSeen += try BundleRewriteTests.leftovers(in: scratch.url).count
            }
        }
        #expect(leftoversSeen > 0, "some kills fell while a temporary file existed")
        // The next run of each command removes what the killed ones left.
        #expect(try CLIRunner.run(commands[0], in: scratch.url).status == 0)
        #expect(try BundleRewriteTests.leftovers(in: scratch.url).isEmpty)
        // A killed deliver may have finished before its kill, and build --force carries its
        // `sent` over (same seal): start the last deliver from the fresh bundle.
        try FileManager.default.removeItem(at: bundle)
        try FileManager.default.copyItem(at: fresh, to: bundle)
        try FileManager.default.copyItem(at: bundle, to: scratch.url.appendingPathComponent(".b.zip.claimpack-partial-\(Int32.max)-0123456789abcdef"))
        let delivered = try CLIRunner.run(commands[1], in: scratch.url)
        #expect(delivered.status == 0, "\(delivered.standardError)")
        #expect(try BundleRewriteTests.leftovers(in: scratch.url).isEmpty)
        #expect(try CLIRunner.run(["verify", "b.zip"], in: scratch.url).status == 0)
    }
}

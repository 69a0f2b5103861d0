import Foundation
import Testing
@testable import ClaimPack

/// `deliver` rewrites a bundle: every entry it does not own must come through byte for
/// byte — entries a later claimpack may add included — and the bundle must verify as before.
struct BundleRewriterTests {
    let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")
    let today = CalendarDate(year: 2026, month: 12, day: 20)!

    func time(_ text: String) -> EventTime { try! EventTime.parse(text).get() }

    /// Every entry's stored bytes (local header excluded), its method and CRC, by name, as
    /// Python's zipfile finds them: the witness of a copy "as stored".
    static func storedEntries(_ bundle: URL) throws -> [String: String] {
        let script = """
            import hashlib, struct, sys, zipfile
            data = open(sys.argv[1], 'rb').read()
            for info in zipfile.ZipFile(sys.argv[1]).infolist():
                name_length, extra_length = struct.unpack('<HH', data[info.header_offset + 26:info.header_offset + 30])
                start = info.header_offset + 30 + name_length + extra_length
                stored = hashlib.sha256(data[start:start + info.compress_size]).hexdigest()
                print(f'{info.filename}\\t{info.compress_type} {info.CRC:08x} {info.file_size} {stored}')
            """
        let listed = try Witness.run(["python3", "-c", script, bundle.path])
        #expect(listed.status == 0, "\(listed.output)")
        return Dictionary(uniqueKeysWithValues: listed.output.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        })
    }

    /// A bundle holding a tag file and a payload file this version does not know (as a later
    /// version could add them), both listed in the BagIt manifests.
    func bundleWithUnknownEntries() throws -> (TemporaryFolder, URL) {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let opened = try OpenedBundle.open(bundle, verifier: VerificationTestSupport.verifier)
        let later: [(file: PayloadFile, bytes: [UInt8])] = [
            ("data/later-version/0001-record.bin", Array(repeating: 0x30, count: 3000) + Array("token".utf8)),
            ("later-tag-file.txt", Array(String(repeating: "Later-Key: value\n", count: 40).utf8)),
        ].map { path, bytes in (PayloadFile(path: path, size: UInt64(bytes.count), sha256: SHA256Digest(of: bytes)), bytes) }
        let record = try #require(opened.report.tagFiles["delivery.xml"])
        _ = try BundleRewriter(schemas: schemas).rewrite(opened.report, root: opened.claim.id, date: opened.claim.date,
                                                         deliveryBytes: record, newPayload: later,
                                                         replacement: BundleReplacement.lock(bundle))
        return (scratch, bundle)
    }

    @Test func unknownEntriesSurviveDeliverTwiceByteForByte() throws {
        let (scratch, bundle) = try bundleWithUnknownEntries()
        let root = "mts-2026-11/"
        let before = try VerificationTestSupport.verifier.verify(bundle)
        #expect(before.isIntact, "\(before.findings)")
        #expect(before.findings.map(\.code) == [.unexpectedPayload], "a warning only: \(before.findings)")
        #expect(String(decoding: before.tagFiles["tagmanifest-sha256.txt"] ?? [], as: UTF8.self).contains("  later-tag-file.txt\n"))
        let stored = try Self.storedEntries(bundle)

        let recorder = DeliveryRecorder(schemas: schemas, today: today)
        let receipt = try scratch.write("receipt.pdf", "%PDF-1.4 receipt")
        _ = try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23"), tracking: "62009147017544", proofs: [receipt]), in: bundle)
        let answer = try scratch.write("card.txt", "signed\n")
        _ = try recorder.record(DeliveryRequest(kind: .delivered, at: time("2026-11-27"), proofs: [answer]), in: bundle)

        let after = try Self.storedEntries(bundle)
        let owned = ["delivery.xml", "manifest-sha256.txt", "bag-info.txt", "tagmanifest-sha256.txt"].map { root + $0 }
        for (name, entry) in stored where !owned.contains(name) {
            #expect(after[name] == entry, "\(name) copied as stored")
        }
        #expect(after[root + "data/later-version/0001-record.bin"] != nil && after[root + "later-tag-file.txt"] != nil)
        #expect(Set(after.keys) == Set(stored.keys).union([root + "data/delivery/02-sent-receipt.pdf", root + "data/delivery/03-delivered-card.txt"]))

        let report = try VerificationTestSupport.verifier.verify(bundle)
        #expect(report.isIntact, "\(report.findings)")
        #expect(report.findings.map(\.code) == [.unexpectedPayload], "verifies as before: \(report.findings)")
        #expect(String(decoding: report.tagFiles["tagmanifest-sha256.txt"] ?? [], as: UTF8.self).contains("  later-tag-file.txt\n"))
        let bag = try Witness.unzip(bundle, into: scratch.url).appendingPathComponent("mts-2026-11")
        let bagit = try Witness.run(["python3", "-m", "bagit", "--validate", bag.path])
        #expect(bagit.status == 0, "\(bagit.output)")
    }

    @Test func theReportOfTheRewrittenBundleIsWhatVerifyFinds() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let receipt = try scratch.write("чек.pdf", "%PDF-1.4 receipt")
        let updated = try DeliveryRecorder(schemas: schemas, today: today)
            .record(DeliveryRequest(kind: .sent, at: time("2026-11-23"), proofs: [receipt]), in: bundle)
        let verified = try OpenedBundle.open(bundle, verifier: VerificationTestSupport.verifier)
        #expect(updated.record == verified.record)
        #expect(updated.seal == verified.seal)
        #expect(updated.report.contents == verified.report.contents)
        #expect(updated.report.tagFiles == verified.report.tagFiles)
        #expect(updated.report.entryCount == verified.report.entryCount)
    }

    @Test func aBundleHeldByAnotherRunIsBusyAndLeftAlone() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        defer { withExtendedLifetime(scratch) {} }
        let before = try Data(contentsOf: bundle)
        let descriptor = open(bundle.path, O_RDONLY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        var recorder = DeliveryRecorder(schemas: schemas, today: today)
        recorder.lockTimeout = .milliseconds(200)
        #expect {
            try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23")), in: bundle)
        } throws: { error in
            guard let error = error as? DeliveryError, case .write(.busy) = error else { return false }
            return error.exitStatus == 75 && error.description.contains("try again")
        }
        #expect(try Data(contentsOf: bundle) == before)
        flock(descriptor, LOCK_UN)
        _ = try recorder.record(DeliveryRequest(kind: .sent, at: time("2026-11-23")), in: bundle)
    }

    @Test func leftoversOfDeadRunsAreRemovedAndOnlyThose() throws {
        let scratch = try TemporaryFolder("leftovers")
        let target = scratch.url.appendingPathComponent("b.zip")
        // A PID that no process has: beyond the kernel's largest.
        let deadPID = (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.map { $0 + 1 } ?? 4_194_305
        let dead = ".b.zip.claimpack-partial-\(deadPID)-0123456789abcdef"
        let alive = ".b.zip.claimpack-partial-\(getpid())-0123456789abcdef"
        let locked = ".b.zip.claimpack-partial-\(deadPID)-fedcba9876543210"
        let others = [".b.zip.claimpack-partial-\(deadPID)-notrandom", ".c.zip.claimpack-partial-\(deadPID)-0123456789abcdef",
                      ".b.zip.partial-\(deadPID)-12", "b.zip"]
        for name in [dead, alive, locked] + others { _ = try scratch.write(name, "x") }
        let descriptor = open(scratch.url.appendingPathComponent(locked).path, O_RDONLY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        #expect(TemporaryFiles.removeLeftovers(of: target) == [dead])
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(left == ([alive, locked] + others).sorted())
    }
}

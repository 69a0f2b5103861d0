import Foundation
import Testing
@testable import ClaimPack

struct BundleVerifierTests {
    @Test(arguments: TestSupport.exampleNames)
    func everyExampleBundleIsIntactWithItsSeal(_ name: String) throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        let built = try BundleTestSupport.build(TestSupport.examples.appendingPathComponent(name), to: bundle)
        let report = try VerificationTestSupport.verifier.verify(bundle, expectedSeal: built.seal)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.isIntact)
        #expect(report.seal == built.seal)
    }

    /// Each hostile or tampered archive of `hostile.py` must be caught with its own code.
    @Test(arguments: VerificationTestSupport.hostileCases)
    func hostileArchiveIsCaughtWithItsCode(_ line: String) throws {
        let parts = line.split(separator: " ").map(String.init)
        let (name, code) = (parts[0], parts[1])
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let hostile = scratch.url.appendingPathComponent("\(name).zip")
        let made = try Witness.run(["python3", VerificationTestSupport.hostileScript.path, name, bundle.path, hostile.path])
        #expect(made.status == 0, "\(made.output)")
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        let start = ContinuousClock.now
        let report = try VerificationTestSupport.verifier.verify(hostile)
        #expect(report.verdict == .notIntact, "\(name) must not pass as a re-pack: \(report.findings)")
        #expect(VerificationTestSupport.codes(report).contains(code), "\(name): expected \(code), found \(report.findings)")
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == before, "verify writes nothing")
    }

    /// The tag files are read before the payload, but findings keep the archive's order.
    @Test func findingsFollowTheOrderOfTheEntries() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let damaged = scratch.url.appendingPathComponent("damaged.zip")
        let script = """
            import io, struct, sys, zipfile
            data = bytearray(open(sys.argv[1], 'rb').read())
            for info in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist():
                if '/data/evidence/' in info.filename or info.filename.endswith('/manifest.xml'):
                    n, m = struct.unpack('<HH', data[info.header_offset + 26:info.header_offset + 30])
                    data[info.header_offset + 30 + n + m + info.compress_size // 2] ^= 0x55
            open(sys.argv[2], 'wb').write(data)
            """
        let made = try Witness.run(["python3", "-c", script, bundle.path, damaged.path])
        #expect(made.status == 0, "\(made.output)")
        let entries = try VerificationTestSupport.verifier.verify(damaged).findings.compactMap(\.entry)
        let firstEvidence = try #require(entries.firstIndex { $0.contains("/data/evidence/") })
        let manifest = try #require(entries.firstIndex { $0.hasSuffix("/manifest.xml") })
        #expect(firstEvidence < manifest, "\(entries)")
    }

    /// Files planted in the bag, listed nowhere, are reported in the order of their names,
    /// whatever order the archive holds them in (the same bundle gives the same report).
    @Test func strayFilesAreReportedInTheOrderOfTheirNames() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let planted = scratch.url.appendingPathComponent("planted.zip")
        let script = """
            import shutil, sys, zipfile
            shutil.copy(sys.argv[1], sys.argv[2])
            with zipfile.ZipFile(sys.argv[2], 'a') as archive:
                root = archive.namelist()[0].split('/')[0]
                for name in ['data/evidence/z.txt', 'data/x/b.txt', 'data/evidence/a.txt', 'data/a.txt', 'notes.txt', 'extra.txt']:
                    archive.writestr(root + '/' + name, 'planted')
            """
        let made = try Witness.run(["python3", "-c", script, bundle.path, planted.path])
        #expect(made.status == 0, "\(made.output)")
        let findings = try VerificationTestSupport.verifier.verify(planted).findings
        func strays(_ code: FindingCode) -> [String] {
            findings.filter { $0.code == code }.compactMap { $0.entry?.split(separator: "/", maxSplits: 1).last.map(String.init) }
        }
        #expect(strays(.unlistedPayload) == ["data/a.txt", "data/evidence/a.txt", "data/evidence/z.txt", "data/x/b.txt"])
        #expect(strays(.unlistedTagFile) == ["extra.txt", "notes.txt"])
        #expect(strays(.evidenceUnlisted) == ["data/evidence/a.txt", "data/evidence/z.txt"])
        #expect(strays(.unexpectedPayload) == ["data/a.txt", "data/x/b.txt"])
    }

    @Test func hostileCasesCoverEveryLayer() {
        let codes = Set(VerificationTestSupport.hostileCases.compactMap { $0.split(separator: " ").last.map(String.init) })
        #expect(VerificationTestSupport.hostileCases.count >= 45)
        for prefix in ["V1", "V2", "V3", "V5"] { #expect(codes.contains { $0.hasPrefix(prefix) }) }
    }

    /// Single bytes changed at random offsets: none may leave the bundle reported intact.
    @Test func noSingleByteChangeGoesUnnoticed() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle("en-bank-duplicate-payment")
        let original = try Data(contentsOf: bundle)
        var generator = SeededGenerator(state: 20_261_121)
        let mutated = scratch.url.appendingPathComponent("mutated.zip")
        var silent: [String] = []
        for _ in 0..<300 {
            var bytes = original
            let offset = Int.random(in: 0..<bytes.count, using: &generator)
            let change = UInt8.random(in: 1...255, using: &generator)
            bytes[offset] ^= change
            try bytes.write(to: mutated)
            if try VerificationTestSupport.verifier.verify(mutated).isIntact { silent.append("offset \(offset) ^ \(change)") }
        }
        #expect(silent.isEmpty, "reported intact after a change: \(silent)")
    }

    @Test func aForgeryRepackedConsistentlyIsCaughtOnlyByTheSeal() throws {
        // The forger edits the claim and builds a perfect bundle with claimpack itself.
        let original = try VerificationTestSupport.exampleBundle("en-bank-duplicate-payment")
        let paperSeal = try VerificationTestSupport.verifier.verify(original.bundle).seal
        let forged = try TemporaryFolder("forged")
        try forged.copyContents(of: TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment"))
        let claim = forged.url.appendingPathComponent("claim.yaml")
        let text = try String(contentsOf: claim, encoding: .utf8).replacingOccurrences(of: "649.00", with: "64.90")
        try Data(text.utf8).write(to: claim)
        let forgery = forged.url.deletingLastPathComponent().appendingPathComponent("forged.zip")
        _ = try BundleTestSupport.build(forged.url, to: forgery)

        #expect(try VerificationTestSupport.verifier.verify(forgery).isIntact, "consistent in itself")
        let report = try VerificationTestSupport.verifier.verify(forgery, expectedSeal: paperSeal)
        #expect(report.findings.map(\.code) == [.sealMismatch])
    }

    @Test func limitsStopLargeArchivesBeforeReading() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        defer { withExtendedLifetime(scratch) {} }
        var limits = VerificationLimits()
        limits.maximumEntries = 5
        let fewEntries = BundleVerifier(schemas: VerificationTestSupport.verifier.schemas, limits: limits)
        #expect(VerificationTestSupport.codes(try fewEntries.verify(bundle)) == ["V118"])
        limits = VerificationLimits()
        limits.maximumTotalBytes = 1000
        let fewBytes = BundleVerifier(schemas: VerificationTestSupport.verifier.schemas, limits: limits)
        #expect(VerificationTestSupport.codes(try fewBytes.verify(bundle)).contains("V119"))
    }

    @Test func aMissingFileOrAFolderCannotBeVerified() throws {
        let scratch = try TemporaryFolder()
        #expect(throws: VerificationError.self) { try VerificationTestSupport.verifier.verify(scratch.url.appendingPathComponent("none.zip")) }
        #expect(throws: VerificationError.self) { try VerificationTestSupport.verifier.verify(scratch.url) }
    }

    @Test func everyFindingCodeIsDocumentedOnce() throws {
        let table = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/verification-codes.md"), encoding: .utf8)
        for code in FindingCode.allCases {
            #expect(table.components(separatedBy: "| \(code.rawValue) | `\(code)` |").count == 2, "\(code.rawValue)")
        }
    }

    @Test func entryNameRules() {
        func codes(_ name: String) -> [FindingCode] { EntryNameRules.check(Array(name.utf8)).findings.map(\.code) }
        #expect(codes("id/data/evidence/a b (1).png").isEmpty)
        #expect(codes("/abs") == [.absolutePath])
        #expect(codes("id/../x") == [.dotSegment])
        #expect(codes("id/./x") == [.dotSegment])
        #expect(codes("id//x") == [.dotSegment])
        #expect(codes("id\\x") == [.backslash])
        #expect(codes("C:/x") == [.driveLetter])
        #expect(codes("id/a\u{7}") == [.controlCharacter])
        #expect(EntryNameRules.check([0x69, 0x64, 0x2F, 0xFF]).findings.map(\.code) == [.invalidNameEncoding])
        #expect(EntryNameRules.duplicates(["a/x", "a/x", "a/\u{E9}", "a/e\u{301}", "a/Y", "a/y"]).map(\.code)
                == [.duplicateName, .duplicateNameNFC, .duplicateNameCase])
    }
}

import Foundation
import Testing
@testable import ClaimPack

/// macOS's own files — `__MACOSX/` AppleDouble entries and `.DS_Store` from Finder's
/// "Compress", `.DS_Store` and `._` files in a folder Finder showed — are set aside with
/// one V131 warning in a re-packed ZIP or an extracted folder, and never hide a change.
struct FinderMetadataTests {
    /// The example bundle re-packed as Finder's "Compress" of the extracted folder does:
    /// directory entries first, the bag's files deflated, `mts-2026-11/.DS_Store`, and
    /// under `__MACOSX/` an AppleDouble `._` file for every file (its quarantine mark).
    /// With `change`, the last byte of that file of the bag is flipped.
    static func finderRepack(_ bundle: URL, to output: URL, change: String? = nil) throws {
        let script = """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1])
            out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            change = sys.argv[3]
            files = [i.filename for i in src.infolist() if not i.filename.endswith('/')]
            folders = sorted({f[:k + 1] for f in files for k in range(len(f)) if f[k] == '/'})
            for folder in folders:
                out.writestr(folder, b'')
            appledouble = b'\\x00\\x05\\x16\\x07\\x00\\x02\\x00\\x00Mac OS X        ' + b'\\x00' * 40 + b'com.apple.quarantine'
            for name in files:
                data = bytearray(src.read(name))
                if change and name.endswith(change):
                    data[-1] ^= 1
                out.writestr(name, bytes(data))
            out.writestr('mts-2026-11/.DS_Store', b'\\x00\\x00\\x00\\x01Bud1' + b'\\x00' * 64)
            out.writestr('__MACOSX/', b'')
            for folder in folders:
                out.writestr('__MACOSX/' + folder, b'')
            for name in files:
                head, _, tail = name.rpartition('/')
                out.writestr('__MACOSX/' + head + '/._' + tail, appledouble)
            out.close()
            """
        let outcome = try Witness.python(script, [bundle.path, output.path, change ?? ""])
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test func aFinderRepackIsContentIntactWithOneWarningForTheMetadata() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let original = try VerificationTestSupport.verifier.verify(bundle)
        let repacked = scratch.url.appendingPathComponent("mts-2026-11 (Finder).zip")
        try Self.finderRepack(bundle, to: repacked)
        let report = try VerificationTestSupport.verifier.verify(repacked, expectedSeal: original.seal)
        #expect(report.verdict == .repacked, "\(report.findings)")
        #expect(report.seal == original.seal)
        #expect(report.contents == original.contents)
        let metadata = report.findings.filter { $0.code == .finderMetadata }
        #expect(metadata.count == 1 && metadata[0].severity == .warning, "\(report.findings)")
        // 12 files: 12 AppleDouble entries, `.DS_Store`, `__MACOSX/` and its 4 folders.
        #expect(metadata.first?.message.hasPrefix("18 entries macOS added (mts-2026-11/.DS_Store, __MACOSX/, __MACOSX/mts-2026-11/…)") == true, "\(metadata)")
        #expect(!VerificationTestSupport.codes(report).contains("V126"), "\(report.findings)")
    }

    @Test(arguments: ["data/evidence/call-2026-10-02.md", "manifest.xml", "manifest-sha256.txt", "delivery.xml"])
    func aFinderRepackWithOneByteChangedIsNotIntact(_ path: String) throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("changed.zip")
        try Self.finderRepack(bundle, to: repacked, change: path)
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .notIntact, "\(path): \(report.findings)")
        #expect(!VerificationTestSupport.codes(report).contains("V130"))
    }

    @Test func aDSStoreAddedToABundleClaimpackWroteIsAnEdit() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        defer { withExtendedLifetime(scratch) {} }
        let outcome = try Witness.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'a') as z:
                z.writestr('mts-2026-11/.DS_Store', b'Bud1')
            """, [bundle.path])
        #expect(outcome.status == 0, "\(outcome.output)")
        let report = try VerificationTestSupport.verifier.verify(bundle)
        #expect(report.verdict == .notIntact, "\(report.findings)")
        #expect(VerificationTestSupport.codes(report).isSuperset(of: ["V128", "V131"]), "\(report.findings)")
    }

    @Test func finderFilesInAnExtractedFolderAreSetAside() throws {
        let (scratch, outer, bag) = try BagFolderTests.extracted()
        defer { withExtendedLifetime(scratch) {} }
        for folder in ["", "data/", "data/evidence/"] {
            try Data("Bud1".utf8).write(to: bag.appendingPathComponent(folder + ".DS_Store"))
        }
        try Data("AppleDouble".utf8).write(to: bag.appendingPathComponent("data/evidence/._call-2026-10-02.md"))
        // `unzip` of a ZIP Finder made puts `__MACOSX/` beside the bag.
        try FileManager.default.createDirectory(at: outer.appendingPathComponent("__MACOSX/mts-2026-11"), withIntermediateDirectories: true)
        for folder in [outer, bag] {
            let report = try BagFolderTests.verify(folder)
            #expect(report.verdict == .extractedFolder, "\(report.findings)")
            #expect(report.findings.allSatisfy { $0.code == .finderMetadata && $0.severity == .warning }, "\(report.findings)")
            #expect(report.findings.contains { $0.message.hasPrefix("4 entries macOS added") }, "\(report.findings)")
        }
    }

    @Test func aLinkNamedLikeFinderMetadataIsStillRefused() throws {
        let (scratch, outer, bag) = try BagFolderTests.extracted()
        defer { withExtendedLifetime(scratch) {} }
        try FileManager.default.createSymbolicLink(atPath: bag.appendingPathComponent("data/.DS_Store").path, withDestinationPath: "/etc/passwd")
        let report = try BagFolderTests.verify(outer)
        #expect(report.verdict == .notIntact)
        #expect(VerificationTestSupport.codes(report).contains("V114"), "\(report.findings)")
    }

    @Test(arguments: [
        ("__MACOSX", true), ("__MACOSX/x/._a.png", true), ("b/.DS_Store", true), (".DS_Store", true),
        ("b/data/evidence/._a.png", true), ("b/data/evidence/a.png", false), ("b/__MACOSX.txt", false),
        ("b/data/evidence/x._a", false), ("b/DS_Store", false),
    ])
    func namesMacOSAdds(_ name: String, _ expected: Bool) {
        #expect(FinderMetadata.contains(name) == expected)
    }

    @Test func extractWritesTheSealedFilesOnlyNotFindersMetadata() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("finder.zip")
        try Self.finderRepack(bundle, to: repacked)
        let target = scratch.url.appendingPathComponent("out")
        let result = try BundleExtractorTests.extractor.extract(repacked, into: target)
        #expect(result.report.verdict == .repacked, "\(result.report.findings)")
        #expect(result.written.count == 12)
        #expect(!BundleExtractorTests.tree(target).contains { FinderMetadata.contains($0) }, "\(BundleExtractorTests.tree(target))")
        let bag = target.appendingPathComponent("mts-2026-11")
        #expect(try Witness.run(["python3", "-m", "bagit", "--validate", bag.path]).status == 0)
    }
}

import Foundation
import Testing
@testable import ClaimPack
@testable import XMLKit

struct BundleBuilderTests {
    @Test func entriesAreInTheDocumentedOrder() throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        _ = try BundleTestSupport.build(TestSupport.examples.appendingPathComponent("ru-telecom-subscription"), to: bundle)
        #expect(try BundleTestSupport.entryNames(bundle) == [
            "mts-2026-11/bagit.txt",
            "mts-2026-11/claim-manifest-1.xsd",
            "mts-2026-11/delivery-record-1.xsd",
            "mts-2026-11/data/evidence/balance-2026-10-01.png",
            "mts-2026-11/data/evidence/call-2026-10-02.md",
            "mts-2026-11/data/evidence/детализация-октябрь-2026.pdf",
            "mts-2026-11/data/evidence/чат/чат с поддержкой 05.10.2026.png",
            "mts-2026-11/manifest-sha256.txt",
            "mts-2026-11/manifest.xml",
            "mts-2026-11/delivery.xml",
            "mts-2026-11/bag-info.txt",
            "mts-2026-11/tagmanifest-sha256.txt",
        ])
    }

    @Test func manifestMatchesGoldenFile() throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        let result = try BundleTestSupport.build(TestSupport.examples.appendingPathComponent("ru-telecom-subscription"), to: bundle)
        let bag = try Witness.unzip(bundle, into: scratch.url)
        for name in ["manifest.xml", "delivery.xml", "bag-info.txt", "manifest-sha256.txt"] {
            let text = try String(contentsOf: bag.appendingPathComponent("mts-2026-11/\(name)"), encoding: .utf8)
            try TestSupport.expectGolden(text, matches: TestSupport.fixtures.appendingPathComponent("Golden/ru-telecom-subscription.\(name)"))
        }
        // The seal is printed on the paper letter: it must not drift between versions.
        #expect(result.seal.hex == "c6a095f0f887336b8ff9e7fac1edeb5927ca8e86623b5ba07fa89852b735039d")
    }

    @Test func sameFolderAndDateGiveIdenticalBytesWhateverTheFileMetadata() throws {
        let scratch = try TemporaryFolder("out")
        let first = try TemporaryFolder("claim")
        let second = try TemporaryFolder("claim")
        try first.copyContents(of: TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment"))
        // The second copy: files created in the opposite order, other times and permissions.
        let source = TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment")
        try second.write("evidence/statement-september-2026.pdf", try Data(contentsOf: source.appendingPathComponent("evidence/statement-september-2026.pdf")))
        try second.write("evidence/merchant-confirmation.eml", try Data(contentsOf: source.appendingPathComponent("evidence/merchant-confirmation.eml")))
        try second.write("evidence/app-transactions-2026-09-03.png", try Data(contentsOf: source.appendingPathComponent("evidence/app-transactions-2026-09-03.png")))
        try second.write("claim.yaml", try Data(contentsOf: source.appendingPathComponent("claim.yaml")))
        for name in try FileManager.default.contentsOfDirectory(atPath: second.url.appendingPathComponent("evidence").path) {
            let path = second.url.appendingPathComponent("evidence/\(name)").path
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000),
                                                   .posixPermissions: 0o600], ofItemAtPath: path)
        }
        let a = scratch.url.appendingPathComponent("a.zip"), b = scratch.url.appendingPathComponent("b.zip")
        let resultA = try BundleTestSupport.build(first.url, to: a)
        let resultB = try BundleTestSupport.build(second.url, to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        #expect(resultA.seal == resultB.seal)
    }

    @Test func compressionFollowsTheContent() throws {
        let folder = try TemporaryFolder("claim")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        try folder.write("evidence/notes.txt", String(repeating: "Позвонил на горячую линию, обещали вернуть деньги.\n", count: 40))
        var generator = SystemRandomNumberGenerator()
        try folder.write("evidence/random.txt", Data((0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try folder.write("evidence/tiny.txt", "ok")
        try folder.write("evidence/empty.txt", "")
        try folder.write("evidence/photo.JPG", String(repeating: "a", count: 5000))
        let bundle = folder.url.deletingLastPathComponent().appendingPathComponent("c.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let outcome = try Witness.python("""
            import sys, zipfile
            for i in zipfile.ZipFile(sys.argv[1]).infolist():
                if '/data/' in i.filename: print(i.filename.rsplit('/', 1)[1], i.compress_type)
            """, [bundle.path])
        #expect(outcome.output == "empty.txt 0\nnotes.txt 8\nphoto.JPG 0\nrandom.txt 0\ntiny.txt 0\n")
    }

    @Test func nfdNamesOnDiskAreBundledInNFC() throws {
        let folder = try TemporaryFolder("claim")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        try folder.write("evidence/Квитанция й.txt".decomposedStringWithCanonicalMapping, "receipt")
        let bundle = folder.url.deletingLastPathComponent().appendingPathComponent("n.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let names = try BundleTestSupport.entryNames(bundle)
        let payload = try #require(names.first { $0.contains("/data/evidence/") })
        #expect(Array(payload.utf8) == Array("test-claim/data/evidence/Квитанция й.txt".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func deliveryEventHashCanBeRecomputedFromTheRecord() throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        _ = try BundleTestSupport.build(TestSupport.examples.appendingPathComponent("uk-mobile-roaming"), to: bundle)
        let bag = try Witness.unzip(bundle, into: scratch.url)
        let bytes = Array(try Data(contentsOf: bag.appendingPathComponent("kyivstar-roaming-2026/delivery.xml")))
        let document = try XMLDocument(parsing: bytes, name: "delivery.xml", ignoringBlankText: true)
        let events = try document.canonicalChildren(named: "event", excludingAttribute: "hash")
        #expect(events.count == 1)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("hash=\"\(SHA256Digest(of: events[0]).hex)\""))
        #expect(String(decoding: events[0], as: UTF8.self).hasPrefix("<event xmlns=\"urn:claimpack:delivery:1\" at=\"2026-11-20\""))
    }

    @Test func aClaimWithErrorsIsRefusedAndNothingIsWritten() throws {
        let scratch = try TemporaryFolder("out")
        let report = try TestSupport.reader.read(folder: TestSupport.fixtures.appendingPathComponent("Diagnostics/vocabularies"))
        #expect(throws: BuildError.claimHasErrors(count: 6)) {
            try BundleTestSupport.builder.build(report, to: scratch.url.appendingPathComponent("x.zip"), replacing: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func anExistingBundleIsReplacedOnlyWhenAllowed() throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        try scratch.write("b.zip", "precious")
        let folder = TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment")
        #expect(throws: BuildError.outputExists(path: bundle.path)) { try BundleTestSupport.build(folder, to: bundle) }
        #expect(try String(contentsOf: bundle, encoding: .utf8) == "precious")
        #expect(throws: BuildError.self, "--force replaces only a claimpack bundle") {
            try BundleTestSupport.build(folder, to: bundle, replacing: true)
        }
        #expect(try String(contentsOf: bundle, encoding: .utf8) == "precious")
        try FileManager.default.removeItem(at: bundle)
        _ = try BundleTestSupport.build(folder, to: bundle)
        _ = try BundleTestSupport.build(folder, to: bundle, replacing: true)
        #expect(try Witness.run(["unzip", "-tq", bundle.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["b.zip"])
    }

    @Test func aMissingOutputFolderIsRefused() throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("no/such/b.zip")
        #expect(throws: BuildError.outputFolderMissing(path: scratch.url.appendingPathComponent("no/such").path)) {
            try BundleTestSupport.build(TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment"), to: bundle)
        }
    }

    @Test func evidenceThatVanishesOrChangesLeavesNothingBehind() throws {
        let scratch = try TemporaryFolder("out")
        let folder = try TemporaryFolder("claim")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        try folder.write("evidence/a.txt", "first version of the notes")
        try folder.write("evidence/b.txt", "other notes")

        let report = try TestSupport.reader.read(folder: folder.url)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("evidence/b.txt"))
        #expect(throws: BuildError.evidenceUnreadable(path: "evidence/b.txt", reason: "No such file or directory")) {
            try BundleTestSupport.builder.build(report, to: scratch.url.appendingPathComponent("x.zip"), replacing: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)

        try folder.write("evidence/b.txt", "other notes")
        let second = try TestSupport.reader.read(folder: folder.url)
        try folder.write("evidence/a.txt", "a longer, second version of the notes")
        #expect(throws: BuildError.evidenceChanged(path: "evidence/a.txt", expected: 26, actual: 37)) {
            try BundleTestSupport.builder.build(second, to: scratch.url.appendingPathComponent("x.zip"), replacing: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
        #expect(BuildError.evidenceUnreadable(path: "a", reason: "").exitStatus == 66)
        #expect(BuildError.evidenceChanged(path: "a", expected: 1, actual: 2).exitStatus == 74)
        #expect(BuildError.outputExists(path: "a").exitStatus == 73)
    }

    @Test func payloadOxumAndManifestCountEveryFile() throws {
        let folder = try TemporaryFolder("claim")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        for index in 0..<30 { try folder.write("evidence/deep/\(index % 3)/file \(index).txt", String(repeating: "x", count: index)) }
        let bundle = folder.url.deletingLastPathComponent().appendingPathComponent("p.zip")
        let result = try BundleTestSupport.build(folder.url, to: bundle)
        #expect(result.payload.count == 30)
        let bag = try Witness.unzip(bundle, into: folder.url.deletingLastPathComponent())
        let info = try String(contentsOf: bag.appendingPathComponent("test-claim/bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Payload-Oxum: \((0..<30).reduce(0, +)).30\n"))
        let manifest = try String(contentsOf: bag.appendingPathComponent("test-claim/manifest-sha256.txt"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == 30)
    }

    @Test func digestFormatting() throws {
        let digest = SHA256Digest(of: Array("abc".utf8))
        #expect(digest.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest.grouped.hasPrefix("ba78 16bf 8f01"))
        #expect(SHA256Digest(hex: " BA78 16BF 8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == digest)
        #expect(SHA256Digest(hex: "ba78") == nil)
        #expect(SHA256Digest(hex: digest.hex + "0") == nil)
        #expect(SHA256Digest(hex: String(digest.hex.dropLast()) + "g") == nil)
        #expect(SHA256Digest(hex: "\u{00A0}" + digest.hex.uppercased() + "\t\n") == digest)
        #expect(SHA256Digest(hex: "é" + digest.hex) == nil)
        #expect(BundleLayout.manifestBytes([("data/evidence/100% done\r\n.txt", digest)])
            == Array("\(digest.hex)  data/evidence/100%25 done%0D%0A.txt\n".utf8))
    }
}

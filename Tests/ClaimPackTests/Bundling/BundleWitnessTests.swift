import Foundation
import Testing
@testable import ClaimPack

/// Every example's bundle, checked by tools that know nothing of claimpack.
@Suite struct BundleWitnessTests {
    @Test(arguments: TestSupport.exampleNames)
    func exampleBundlePassesEveryIndependentCheck(_ name: String) throws {
        let scratch = try TemporaryFolder("out")
        let bundle = scratch.url.appendingPathComponent("\(name).zip")
        let folder = TestSupport.examples.appendingPathComponent(name)
        let before = try FolderSnapshot(folder)
        let result = try BundleTestSupport.build(folder, to: bundle)
        #expect(try FolderSnapshot(folder) == before, "build must not change the claim folder")

        // The ZIP layer: unzip's own CRC test, and Python's zipfile.
        let unzipTest = try Witness.run(["unzip", "-t", bundle.path])
        #expect(unzipTest.status == 0 && unzipTest.output.contains("No errors detected"), "\(unzipTest.output)")
        let zipfileCheck = try Witness.python("""
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                assert i.extra == b'', ('extra field', i.filename)
                assert i.date_time == (2026, 11, 21, 0, 0, 0) or i.date_time[:3] == tuple(map(int, sys.argv[2].split('-'))), i.date_time
                assert i.external_attr >> 16 == 0o100644, oct(i.external_attr >> 16)
                assert i.create_system == 3
                assert i.compress_type in (0, 8)
                if not i.filename.isascii(): assert i.flag_bits & 0x800, ('utf-8 flag', i.filename)
                if i.compress_type == 8: assert i.compress_size < i.file_size, ('deflate grew', i.filename)
                if i.filename.lower().endswith(('.png', '.pdf', '.jpg', '.mp4')): assert i.compress_type == 0, ('stored', i.filename)
            print(len(z.infolist()))
            """, [bundle.path, try #require(TestSupport.reader.read(folder: folder).claim).date.description])
        #expect(zipfileCheck.status == 0, "\(zipfileCheck.output)")

        // The manifests against the schemas, with xmllint.
        let bag = try Witness.unzip(bundle, into: scratch.url)
        let claim = try #require(TestSupport.reader.read(folder: folder).claim)
        let root = bag.appendingPathComponent(claim.id)
        for (document, schema) in [("manifest.xml", "claim-manifest-1.xsd"), ("delivery.xml", "delivery-record-1.xsd")] {
            let lint = try Witness.run(["xmllint", "--noout", "--nonet", "--schema",
                                        TestSupport.repositoryRoot.appendingPathComponent("Schemas/\(schema)").path,
                                        root.appendingPathComponent(document).path])
            #expect(lint.status == 0, "\(document): \(lint.output)")
        }

        // The BagIt layer: sha256sum over both manifests, and bagit-python's validator.
        for manifest in ["manifest-sha256.txt", "tagmanifest-sha256.txt"] {
            let sums = try Witness.run(["sha256sum", "--strict", "-c", manifest], in: root)
            #expect(sums.status == 0, "\(manifest): \(sums.output)")
        }
        let bagit = try Witness.run(["python3", "-m", "bagit", "--validate", root.path])
        #expect(bagit.status == 0 && bagit.output.contains("is valid"), "\(bagit.output)")

        // The seal is the SHA-256 of manifest.xml, and the other files carry the same.
        let manifest = try Data(contentsOf: root.appendingPathComponent("manifest.xml"))
        #expect(SHA256Digest(of: Array(manifest)) == result.seal)
        let bagInfo = try String(contentsOf: root.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(bagInfo.contains("Claim-Seal: \(result.seal.hex)\n"))
        #expect(bagInfo.contains("Bagging-Date: \(claim.date)\n"))
        #expect(bagInfo.contains("External-Identifier: \(claim.id)\n"))
        let delivery = try String(contentsOf: root.appendingPathComponent("delivery.xml"), encoding: .utf8)
        #expect(delivery.contains("seal=\"\(result.seal.hex)\""))
    }

    @Test func aBagWithNoEvidenceIsStillValid() throws {
        let folder = try TemporaryFolder("empty")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        let bundle = folder.url.deletingLastPathComponent().appendingPathComponent("empty.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let bag = try Witness.unzip(bundle, into: folder.url.deletingLastPathComponent())
        let bagit = try Witness.run(["python3", "-m", "bagit", "--validate", bag.appendingPathComponent("test-claim").path])
        #expect(bagit.status == 0, "\(bagit.output)")
        #expect(try Witness.run(["unzip", "-t", bundle.path]).status == 0)
    }
}

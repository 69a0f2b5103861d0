import Foundation
import Testing
@testable import ClaimPack
@testable import XMLKit

/// Every bundle `build` writes passes `verify`: folders of generated content, seeded so a
/// failure can be replayed, built and verified; and folders `verify` would refuse are
/// refused by `build` before anything is written.
struct BuildVerifyPropertyTests {
    /// One kind of evidence the generator makes.
    enum Content: CaseIterable {
        case random, zeros, repeatedLines, whitePage, manyTinyFiles, longNames
    }

    /// Writes the evidence of `content` into `folder` with `generator`.
    static func makeEvidence(_ content: Content, in folder: TemporaryFolder, using generator: inout SeededGenerator) throws {
        func bytes(_ count: Int) -> Data {
            Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        switch content {
        case .random:
            for index in 0..<Int.random(in: 1...4, using: &generator) {
                _ = try folder.write("evidence/random-\(index).\(["bin", "txt", "csv"].randomElement(using: &generator)!)",
                                     bytes(Int.random(in: 0...100_000, using: &generator)))
            }
        case .zeros:
            // Deflate shrinks zeros about 1000:1, far past the ratio limit.
            _ = try folder.write("evidence/zeros.txt", Data(count: Int.random(in: 1_200_000...1_600_000, using: &generator)))
        case .repeatedLines:
            // A harmless start, then lines deflate shrinks far more than its first 16 KiB.
            var text = "t,e,a\n"
            for _ in 0..<Int.random(in: 40...200, using: &generator) { text += "\(UInt32.random(in: 0...UInt32.max, using: &generator)),x\n" }
            text += String(repeating: "2026-11-05T10:20:01Z,charge,0.00\n", count: Int.random(in: 38_000...48_000, using: &generator))
            _ = try folder.write("evidence/statement.csv", text)
        case .whitePage:
            // A BMP of a white page: a header and a margin of grey noise (about 3:1 to
            // deflate), then white.
            var data = Data((0..<(8 << 10)).map { _ in [0xFF, 0xFE, 0xC0, 0x80].randomElement(using: &generator)! })
            data.append(Data(repeating: 0xFF, count: Int.random(in: 1_200_000...1_600_000, using: &generator)))
            _ = try folder.write("evidence/scan.bmp", data)
        case .manyTinyFiles:
            for index in 0..<Int.random(in: 100...200, using: &generator) {
                _ = try folder.write("evidence/notes/n\(index).txt", bytes(Int.random(in: 0...40, using: &generator)))
            }
        case .longNames:
            // Components of exactly 255 bytes (ASCII and two-byte Cyrillic), and a name of
            // exactly the longest an entry may have.
            _ = try folder.write("evidence/" + String(repeating: "a", count: 251) + ".txt", "a")
            _ = try folder.write("evidence/" + String(repeating: "я", count: 125) + "ab.md", "b")
            let prefix = "test-claim/data/evidence/"
            var path = ""
            while prefix.utf8.count + path.utf8.count + 201 <= BundleLimits.maximumNameBytes - 10 {
                path += String(repeating: "d", count: 200) + "/"
            }
            let last = BundleLimits.maximumNameBytes - prefix.utf8.count - path.utf8.count - 4
            path += String(repeating: "f", count: last) + ".txt"
            #expect((prefix + path).utf8.count == BundleLimits.maximumNameBytes)
            _ = try folder.write("evidence/" + path, "c")
        }
    }

    @Test(arguments: Content.allCases)
    func everyBundleBuildWritesVerifies(_ content: Content) throws {
        // The sizes are just past the old ratio allowance (1 MiB): enough to catch a bundle
        // verify refuses, small enough for the whole test to take a fraction of a second.
        for seed in [20261204 as UInt64] {
            var generator = SeededGenerator(state: seed &+ UInt64(Content.allCases.firstIndex(of: content)!))
            let folder = try TemporaryFolder("claim")
            _ = try folder.write("claim.yaml", BundleTestSupport.claimYAML())
            try Self.makeEvidence(content, in: folder, using: &generator)
            let out = try TemporaryFolder("out")
            let bundle = out.url.appendingPathComponent("b.zip")
            _ = try BundleTestSupport.build(folder.url, to: bundle)
            let report = try VerificationTestSupport.verifier.verify(bundle)
            #expect(report.isIntact, "\(content), seed \(seed): \(report.findings)")
        }
    }

    /// An assembly of `claim` with `files` that are only listed, never read: enough for
    /// `checkLimits()`, which decides before anything is read or written.
    static func assembly(evidence files: [EvidenceFile], titles: String = "t") throws -> BundleAssembly {
        let folder = try TemporaryFolder("claim")
        _ = try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        var claim = try #require(try TestSupport.reader.read(folder: folder.url).claim)
        claim.evidence = files.enumerated().map { index, file in
            EvidenceEntry(id: "e\(index)", file: file.path, title: titles, kind: .other)
        }
        let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")
        return BundleAssembly(claim: claim, files: files, folder: folder.url, software: "test", progress: nil,
                              manifestSchema: try XMLSchema(contentsOf: schemas.appendingPathComponent(BundleBuilder.manifestSchema).path),
                              deliverySchema: try XMLSchema(contentsOf: schemas.appendingPathComponent(BundleBuilder.deliverySchema).path),
                              schemaBytes: Dictionary(uniqueKeysWithValues: try BundleLayout.schemaFiles.map {
                                  ($0, Array(try Data(contentsOf: schemas.appendingPathComponent($0))))
                              }))
    }

    static func refusal(_ files: [EvidenceFile], titles: String = "t") throws -> String? {
        let assembly = try assembly(evidence: files, titles: titles)
        do throws(BuildError) {
            try assembly.checkLimits()
            return nil
        } catch {
            #expect(error.exitStatus == 1)
            return error.description
        }
    }

    static func file(_ path: String) -> EvidenceFile { EvidenceFile(diskPath: path, path: path, size: 1) }

    /// The bounds `checkLimits()` decides on, instead of making the tag files, are above
    /// the real sizes whatever the names and titles hold: texts that escape to the most
    /// bytes, Cyrillic, long and empty ones, files the claim does not describe.
    @Test(arguments: [20261204 as UInt64, 7, 99])
    func tagFileBoundsAreAboveTheRealSizes(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let pieces = ["&", "<", ">", "\"", "'", "\n", "\t", "\r", "%", "a", "я", "€", " ", "]]>"]
        func text(_ most: Int) -> String {
            (0..<Int.random(in: 0...most, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        let files = (0..<300).map { index in
            EvidenceFile(diskPath: "evidence/\(index)-\(text(20)).txt", path: "evidence/\(index)-\(text(20)).txt",
                         size: UInt64.random(in: 0...UInt64.max, using: &generator))
        }
        let assembly = try Self.assembly(evidence: files, titles: text(200))
        let bounds = try assembly.tagFileBounds()
        let payload = Dictionary(uniqueKeysWithValues: files.map { file in
            let path = BundleLayout.payloadPath(for: file.path)
            return (path, PayloadFile(path: path, size: file.size, sha256: SHA256Digest(of: Array(path.utf8))))
        })
        let manifest = try ManifestDocument.bytes(for: assembly.claim, payload: payload)
        let payloadManifest = BundleLayout.manifestBytes(payload.values.map { ($0.path, $0.sha256) })
        #expect(bounds.manifest >= manifest.count)
        #expect(bounds.payloadManifest >= payloadManifest.count)
        // Not so loose that ordinary folders near the limit would be drafted for nothing.
        #expect(bounds.manifest < 8 * manifest.count)
    }

    @Test func foldersVerifyWouldRefuseAreRefusedBeforeWriting() throws {
        let count = BundleLimits.maximumEntries - BundleLayout.tagEntryCount
        let tooMany = try #require(try Self.refusal((0...count).map { Self.file("evidence/\($0)") }))
        #expect(tooMany.contains("at most \(BundleLimits.maximumEntries) entries"))

        let component = String(repeating: "я", count: 128)  // 256 bytes
        let longComponent = try #require(try Self.refusal([Self.file("evidence/\(component)")]))
        #expect(longComponent.contains("more than the 255"))
        #expect(try Self.refusal([Self.file("evidence/" + String(component.dropFirst()) + "a")]) == nil)

        let deep = "evidence/" + Array(repeating: String(repeating: "d", count: 250), count: 4).joined(separator: "/")
        let longName = try #require(try Self.refusal([Self.file(deep)]))
        #expect(longName.contains("more than the \(BundleLimits.maximumNameBytes)"))

        // Files with long titles: manifest.xml would be larger than a tag file may be (as
        // 30,000 files with ordinary titles make it).
        let title = String(repeating: "Выписка по счёту ", count: 300)
        let large = try #require(try Self.refusal((0..<2_000).map { Self.file("evidence/f\($0).pdf") }, titles: title))
        #expect(large.contains("manifest.xml would have"))
    }

    @Test func buildRefusesALongNameAndWritesNothing() throws {
        let folder = try TemporaryFolder("claim")
        _ = try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        _ = try folder.write("evidence/" + Array(repeating: String(repeating: "d", count: 200), count: 5).joined(separator: "/") + ".txt", "x")
        let out = try TemporaryFolder("out")
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect {
            try BundleTestSupport.builder.build(report, to: out.url.appendingPathComponent("b.zip"), replacing: false)
        } throws: { error in
            guard case .exceedsLimit(let reason) = error as? BuildError else { return false }
            return reason.contains("more than the \(BundleLimits.maximumNameBytes) an entry name may have")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path).isEmpty)
    }
}

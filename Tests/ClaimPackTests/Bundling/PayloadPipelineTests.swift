import Foundation
import Testing
@testable import ClaimPack

/// The evidence reader of a build: every size of file — empty, within one slot, exactly a
/// slot, many slots — is hashed as it is archived, and a file that changes while it is
/// read stops the build, whichever thread reads it.
@Suite struct PayloadPipelineTests {
    static let slot = PayloadPipeline.slotSize

    /// Deterministic bytes that deflate cannot shrink (SplitMix64).
    static func noise(_ count: Int, seed: UInt64) -> Data {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes.prefix(count))
    }

    @Test func everyReadSizeIsHashedAsArchived() throws {
        let folder = try TemporaryFolder("sizes")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        let sizes = [0, 1, 4095, Self.slot - 1, Self.slot, Self.slot + 1, 2 * Self.slot + 3, 1_100_000]
        for (index, size) in sizes.enumerated() {
            try folder.write("evidence/b-\(index).bin", Self.noise(size, seed: UInt64(index)))
        }
        // Small files between and after the large ones, and a large text file that deflates.
        for index in 0..<150 {
            try folder.write("evidence/a-\(index).bin", Self.noise((index * 7919) % 9000, seed: UInt64(100 + index)))
            try folder.write("evidence/c-\(index).bin", Self.noise((index * 104_729) % 70_000, seed: UInt64(400 + index)))
        }
        try folder.write("evidence/d-notes.txt", String(repeating: "Call to the operator, ticket 1234, no answer.\n", count: 20_000))

        let bundle = folder.url.deletingLastPathComponent().appendingPathComponent("sizes.zip")
        defer { try? FileManager.default.removeItem(at: bundle) }
        let result = try BundleTestSupport.build(folder.url, to: bundle)
        #expect(result.payload.count == sizes.count + 301)
        for (index, size) in sizes.enumerated() {
            #expect(result.payload.first { $0.path == "data/evidence/b-\(index).bin" }?.size == UInt64(size))
        }

        #expect(try Witness.run(["unzip", "-tq", bundle.path]).status == 0)
        let bag = try Witness.unzip(bundle, into: folder.url.deletingLastPathComponent().appendingPathComponent("sizes-unzipped"))
        let sums = try Witness.run(["sha256sum", "--strict", "-c", "manifest-sha256.txt"], in: bag.appendingPathComponent("test-claim"))
        #expect(sums.status == 0, "\(sums.output)")
        #expect(sums.output.components(separatedBy: ": OK").count - 1 == sizes.count + 301)
    }

    /// A file shorter or longer than when the folder was read, with files before and after
    /// it: small files are read by the background thread, large ones by libzip's.
    @Test(arguments: [(100_000, 50_000), (100_000, 300_000), (600_000, 500_000), (600_000, 700_000), (0, 10)])
    func aFileThatChangesStopsTheBuild(_ sizes: (before: Int, after: Int)) throws {
        let folder = try TemporaryFolder("changing")
        let scratch = try TemporaryFolder("out")
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        for index in 0..<40 {
            try folder.write("evidence/a-\(index).bin", Self.noise(30_000, seed: UInt64(index)))
            try folder.write("evidence/c-\(index).bin", Self.noise(30_000, seed: UInt64(50 + index)))
        }
        try folder.write("evidence/b.bin", Self.noise(sizes.before, seed: 7))
        let report = try TestSupport.reader.read(folder: folder.url)
        try folder.write("evidence/b.bin", Self.noise(sizes.after, seed: 8))

        #expect(throws: BuildError.evidenceChanged(path: "evidence/b.bin", expected: UInt64(sizes.before), actual: UInt64(sizes.after))) {
            try BundleTestSupport.builder.build(report, to: scratch.url.appendingPathComponent("x.zip"), replacing: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}

import Foundation
import Testing
@testable import ClaimPack

/// `SealCalculator` gives the seal `build` gives, for folders with and without `follows:`.
struct SealCalculatorTests {
    @Test func theSealIsTheOneBuildGivesAlongAChain() throws {
        let store = try TemporaryFolder()
        var previous: (bundle: URL, seal: SHA256Digest)?
        for (index, id) in ["first", "second", "third"].enumerated() {
            let folder = try TemporaryFolder()
            let follows = previous.map { "follows: {bundle: evidence/earlier.zip, seal: \($0.seal.hex)}" } ?? ""
            _ = try folder.write("claim.yaml", FollowsTests.claimYAML(id: id, follows: follows))
            _ = try folder.write("evidence/note-\(index).txt", String(repeating: "note \(index)\n", count: index + 1))
            if let previous { _ = try folder.write("evidence/earlier.zip", try Data(contentsOf: previous.bundle)) }
            let report = try TestSupport.reader.read(folder: folder.url)
            let calculated = try SealCalculator.seal(of: report, schemas: FollowsTests.schemas)
            let bundle = store.url.appendingPathComponent("\(id).zip")
            let built = try BundleTestSupport.build(folder.url, to: bundle)
            #expect(calculated == built.seal, "\(id)")
            previous = (bundle, built.seal)
        }
    }

    @Test func aFollowedBundleBuildWouldRefuseIsRefused() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("claim.yaml", FollowsTests.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \(String(repeating: "0", count: 64))}"))
        _ = try folder.write("evidence/first.zip", "not a zip")
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(throws: BuildError.self) { _ = try SealCalculator.seal(of: report, schemas: FollowsTests.schemas) }
    }
}

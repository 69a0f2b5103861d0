import Foundation
import Testing
@testable import ClaimPack

/// `VerificationRun.checkFollows`: the carried bundle's seal and id against the cited ones.
struct FollowsVerificationTests {
    /// A second bundle carrying the first, built the ordinary way.
    static func chain() throws -> (TemporaryFolder, URL, SHA256Digest) {
        let folder = try TemporaryFolder()
        _ = try folder.write("first/claim.yaml", FollowsTests.claimYAML(id: "first"))
        _ = try folder.write("first/evidence/note.txt", "note")
        let firstBundle = folder.url.appendingPathComponent("first.zip")
        let seal = try BundleTestSupport.build(folder.url.appendingPathComponent("first"), to: firstBundle).seal
        _ = try folder.write("second/claim.yaml", FollowsTests.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \(seal.hex)}"))
        _ = try folder.write("second/evidence/first.zip", try Data(contentsOf: firstBundle))
        let second = folder.url.appendingPathComponent("second.zip")
        _ = try BundleTestSupport.build(folder.url.appendingPathComponent("second"), to: second)
        return (folder, second, seal)
    }

    /// The layers before the chain, then `checkFollows` with `followed` as given.
    static func followsFindings(_ bundle: URL, citing followed: Follows) -> [Finding] {
        let run = VerificationRun(bundle: bundle, limits: VerificationLimits(), schemas: FollowsTests.schemas,
                                  today: CalendarDate(year: 2026, month: 12, day: 4)!, progress: nil)
        run.checkArchive()
        run.checkBagIt()
        run.checkManifest()
        run.preparation?.release()
        #expect(run.findings.isEmpty, "\(run.findings)")
        run.followed = followed
        return run.findings(of: { run.checkFollows() })
    }

    @Test func theCitedSealAndIdAreChecked() throws {
        let (folder, second, seal) = try Self.chain()
        defer { withExtendedLifetime(folder) {} }
        let good = Self.followsFindings(second, citing: Follows(bundle: "evidence/first.zip", seal: seal, id: "first"))
        #expect(good.isEmpty, "\(good)")
        let other = SHA256Digest(of: Array("another manifest".utf8))
        let wrongSeal = Self.followsFindings(second, citing: Follows(bundle: "evidence/first.zip", seal: other, id: "first"))
        #expect(wrongSeal.map(\.code) == [.followsSealMismatch])
        #expect(wrongSeal.first?.entry == "second/data/evidence/first.zip")
        let wrongID = Self.followsFindings(second, citing: Follows(bundle: "evidence/first.zip", seal: seal, id: "zeroth"))
        #expect(wrongID.map(\.code) == [.followsIDMismatch])
        let missing = Self.followsFindings(second, citing: Follows(bundle: "evidence/gone.zip", seal: seal, id: "first"))
        #expect(missing.map(\.code) == [.followsMissing])
    }

    @Test func aChainAtTheDepthLimitIsNotOpened() throws {
        let (folder, second, seal) = try Self.chain()
        defer { withExtendedLifetime(folder) {} }
        let run = VerificationRun(bundle: second, limits: VerificationLimits(), schemas: FollowsTests.schemas,
                                  today: CalendarDate(year: 2026, month: 12, day: 4)!, progress: nil)
        run.depth = VerificationRun.maximumFollowsDepth
        run.checkArchive()
        run.checkBagIt()
        run.checkManifest()
        run.preparation?.release()
        #expect(run.followed == Follows(bundle: "evidence/first.zip", seal: seal, id: "first"))
        #expect(run.findings(of: { run.checkFollows() }).map(\.code) == [.followsTooDeep])
    }
}

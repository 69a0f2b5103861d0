import Foundation
import Testing
@testable import ClaimPack

/// Derived evidence ids: unique, valid against the schema's 64-character pattern with
/// their suffix kept, and found in one look-up each even when thousands of names give
/// the same base.
struct UniqueIdentifierTests {
    @Test func suffixesStayWithinSixtyFourCharacters() {
        var used = Set<String>(), next = [String: Int]()
        let base = String(repeating: "a", count: 60) + "-bcd"
        #expect(base.count == 64)
        let ids = (0..<1200).map { _ in Identifier.unique(base, among: &used, nextSuffix: &next) }
        #expect(ids[0] == base)
        #expect(ids[1] == String(repeating: "a", count: 60) + "-b-2")
        #expect(ids[9] == String(repeating: "a", count: 60) + "-10")
        #expect(ids[1199] == String(repeating: "a", count: 59) + "-1200")
        #expect(ids.allSatisfy(Identifier.isValid), "\(ids.filter { !Identifier.isValid($0) }.prefix(3))")
        #expect(Set(ids).count == ids.count)
    }

    @Test func takenIdsAreSkipped() {
        var used: Set<String> = ["scan", "scan-2", "scan-4"], next = [String: Int]()
        #expect(Identifier.unique("scan", among: &used, nextSuffix: &next) == "scan-3")
        #expect(Identifier.unique("scan", among: &used, nextSuffix: &next) == "scan-5")
        #expect(Identifier.unique("other", among: &used, nextSuffix: &next) == "other")
    }

    /// 20,000 names alike but for their end, as a phone names its screenshots: every id
    /// valid and distinct. (The search from "-2" for each was quadratic: 60 s for check.)
    @Test func twentyThousandAlikeNamesGiveDistinctValidIds() {
        var used = Set<String>(), next = [String: Int]()
        let stem = "очень-длинное-похожее-имя-файла-со-скриншотом-личного-кабинета-оператора-"
        let ids = (0..<20_000).map { index in
            Identifier.unique(Identifier.slug(from: stem + String(format: "%05d", index), fallback: "evidence"), among: &used, nextSuffix: &next)
        }
        #expect(Set(ids).count == 20_000)
        #expect(ids.allSatisfy(Identifier.isValid))
        #expect(ids.last?.hasSuffix("-20000") == true, "\(ids.last ?? "")")
        // One look-up per id once the base is known: the next suffix is remembered.
        #expect(next.count == 1 && next.values.first == 20_001)
    }

    /// The same through `check`: 3,000 alike names in a claim folder.
    @Test func checkDerivesValidIdsForAlikeFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        let stem = "очень-длинное-похожее-имя-файла-со-скриншотом-личного-кабинета-оператора-"
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        for index in 0..<3000 {
            #expect(FileManager.default.createFile(atPath: folder.url.path + "/evidence/\(stem)\(index).png", contents: nil))
        }
        let report = try TestSupport.reader.read(folder: folder.url)
        let claim = try #require(report.claim, "\(report.diagnostics.filter { $0.severity == .error }.prefix(3))")
        #expect(claim.evidence.count == 3000)
        #expect(claim.evidence.allSatisfy { Identifier.isValid($0.id) })
        #expect(Set(claim.evidence.map(\.id)).count == 3000)
    }
}

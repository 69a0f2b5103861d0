import Foundation
import Testing
@testable import ClaimPack

/// Each folder under `Fixtures/Diagnostics` is a broken claim; its `expected.txt` holds the
/// exact diagnostics, in order, with their positions. Regenerate after a deliberate change
/// with `CLAIMPACK_UPDATE_GOLDEN=1 swift test`, then read the diff.
struct ClaimFolderReaderGoldenTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("Diagnostics")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func everyDiagnosticFamilyHasAFixture() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func diagnosticsMatchGoldenFile(_ name: String) throws {
        let claimFolder = Self.folder.appendingPathComponent(name)
        let before = try FolderSnapshot(claimFolder)
        let report = try TestSupport.reader.read(folder: claimFolder)
        let text = report.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        try TestSupport.expectGolden(text, matches: claimFolder.appendingPathComponent("expected.txt"))
        #expect(report.claim == nil, "a fixture with errors must not produce a claim")
        #expect(try FolderSnapshot(claimFolder) == before)
    }
}

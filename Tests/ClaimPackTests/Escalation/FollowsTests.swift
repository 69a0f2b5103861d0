import Foundation
import Testing
@testable import ClaimPack

/// `follows:` read from `claim.yaml`, checked by `build`, kept in `manifest.xml` and read back.
struct FollowsTests {
    static func claimYAML(id: String, follows: String = "") -> String {
        """
        format: 1
        language: ru
        id: \(id)
        date: 2026-11-21
        subject: о возврате денег
        claimant: {name: Петрова Анна Сергеевна, address: "101000, Москва", email: a@example.ru}
        respondent: {name: ПАО «Банк», address: "101000, Москва", sector: finance}
        demands:
          - text: Вернуть деньги.
        delivery: {method: email}
        \(follows)
        """
    }

    static var schemas: URL { TestSupport.repositoryRoot.appendingPathComponent("Schemas") }

    @Test func aPathOutsideTheEvidenceAndABadSealAreDiagnostics() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: evidence/none.zip, seal: 12ab}"))
        _ = try folder.write("evidence/note.txt", "note")
        let report = try TestSupport.reader.read(folder: folder.url)
        let codes = report.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.contains(.missingEvidenceFile) && codes.contains(.wrongType), "\(report.diagnostics)")
        #expect(report.claim == nil)
    }

    @Test func theLinkIsSealedAndReadBack() throws {
        let first = try TemporaryFolder()
        _ = try first.write("claim.yaml", Self.claimYAML(id: "first"))
        _ = try first.write("evidence/note.txt", "note")
        let firstBundle = first.url.appendingPathComponent("first.zip")
        let firstSeal = try BundleTestSupport.build(first.url, to: firstBundle).seal

        let second = try TemporaryFolder()
        _ = try second.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \(firstSeal.hex)}"))
        _ = try second.write("evidence/first.zip", try Data(contentsOf: firstBundle))
        let secondBundle = second.url.appendingPathComponent("second.zip")
        _ = try BundleTestSupport.build(second.url, to: secondBundle)
        let opened = try OpenedBundle.open(secondBundle, verifier: BundleVerifier(schemas: Self.schemas))
        #expect(opened.claim.follows == Follows(bundle: "evidence/first.zip", seal: firstSeal, id: "first"))
        #expect(opened.report.findings.isEmpty, "\(opened.report.findings)")

        // The same claim without follows: has no <follows>, so earlier seals are unchanged.
        let manifest = try #require(opened.report.tagFiles[BundleLayout.manifest])
        #expect(String(decoding: manifest, as: UTF8.self).contains("<follows id=\"first\" seal=\"\(firstSeal.hex)\" path=\"data/evidence/first.zip\"/>"))
        let firstOpened = try OpenedBundle.open(firstBundle, verifier: BundleVerifier(schemas: Self.schemas))
        #expect(!String(decoding: firstOpened.report.tagFiles[BundleLayout.manifest] ?? [], as: UTF8.self).contains("follows"))
    }

    @Test func buildRefusesAFileThatIsNotABundle() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \(String(repeating: "0", count: 64))}"))
        _ = try folder.write("evidence/first.zip", "not a zip")
        #expect {
            _ = try BundleTestSupport.build(folder.url, to: folder.url.appendingPathComponent("out.zip"))
        } throws: { error in
            guard case BuildError.earlierBundle(let path, let reason) = error else { return false }
            return path == "evidence/first.zip" && reason.contains("not a claimpack bundle")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out.zip").path))
    }

    /// follows.bundle naming a symbolic link says so (C043), not that the file is missing.
    @Test func aLinkedBundleIsNamedAsALink() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \(String(repeating: "0", count: 64))}"))
        let target = try folder.write("elsewhere/first.zip", "a bundle")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("evidence/first.zip"), withDestinationURL: target)
        let report = try TestSupport.reader.read(folder: folder.url)
        let follows = report.diagnostics.filter { $0.message.hasPrefix("follows.bundle:") }
        #expect(follows.map(\.code) == [.symbolicLink], "\(report.diagnostics)")
        #expect(follows.first?.message.contains("evidence/first.zip is a symbolic link") == true, "\(follows)")
    }

    /// The suggestion names the earlier bundle, never this folder: the .zip that is there,
    /// or the name written put under evidence/.
    @Test func theSuggestionUsesTheEarlierBundlesName() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: mts-2026-11.zip, seal: \(String(repeating: "0", count: 64))}"))
        _ = try folder.write("evidence/note.txt", "note")
        let missing = try TestSupport.reader.read(folder: folder.url).diagnostics.filter { $0.code == .missingEvidenceFile }
        #expect(missing.count == 1 && missing[0].message.hasSuffix("for example evidence/mts-2026-11.zip"), "\(missing)")
        _ = try folder.write("evidence/mts-2026-11.zip", "a bundle")
        let present = try TestSupport.reader.read(folder: folder.url).diagnostics.filter { $0.code == .missingEvidenceFile }
        #expect(present.count == 1 && present[0].message.hasSuffix("did you mean evidence/mts-2026-11.zip?"), "\(present)")
    }
}

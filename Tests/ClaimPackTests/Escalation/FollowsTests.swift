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

    @Test func aDamagedFollowedBundleHintQuotesItsPath() throws {
        let first = try TemporaryFolder()
        _ = try first.write("claim.yaml", Self.claimYAML(id: "first"))
        let firstBundle = first.url.appendingPathComponent("first.zip")
        let firstSeal = try BundleTestSupport.build(first.url, to: firstBundle).seal
        // bag-info.txt changed and re-packed by Python: the ZIP opens, its digest does not match.
        let second = try TemporaryFolder()
        let damaged = second.url.appendingPathComponent("evidence/my first.zip")
        try FileManager.default.createDirectory(at: damaged.deletingLastPathComponent(), withIntermediateDirectories: true)
        let repack = try Witness.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as old, zipfile.ZipFile(sys.argv[2], "w") as new:
                for info in old.infolist():
                    data = old.read(info)
                    new.writestr(info, data + b"Changed: yes\\n" if info.filename.endswith("bag-info.txt") else data)
            """, [firstBundle.path, damaged.path])
        #expect(repack.status == 0, "\(repack.output)")
        _ = try second.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: \"evidence/my first.zip\", seal: \(firstSeal.hex)}"))
        #expect {
            _ = try BundleTestSupport.build(second.url, to: second.url.appendingPathComponent("out.zip"))
        } throws: { error in
            guard case BuildError.earlierBundle(_, let reason) = error else { return false }
            return reason.contains("run: claimpack verify '") && reason.contains("/evidence/my first.zip', and put")
        }
    }

    @Test func aSealWithLookAlikeLettersIsReadAsVerifySealReadsIt() throws {
        let folder = try TemporaryFolder()
        let hex = String(repeating: "0123456789abcdef", count: 4)
        // Cyrillic с (U+0441) at digit 13 and е (U+0435) at digit 15, typed from the letter on a Russian keyboard.
        var typed = Array(hex)
        typed[12] = "с"; typed[14] = "е"
        _ = try folder.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \"\(String(typed))\"}"))
        _ = try folder.write("evidence/first.zip", "placeholder")
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(report.claim?.follows?.seal == SHA256Digest(hex: hex), "\(report.diagnostics)")
        let notes = report.diagnostics.filter { $0.severity == .note }.map(\.message)
        #expect(notes == ["follows.seal: read Cyrillic с (U+0441) at digit 13 as c, Cyrillic е (U+0435) at digit 15 as e (letters that look like hexadecimal digits)"], "\(report.diagnostics)")
        #expect(!report.diagnostics.contains { $0.severity == .error })

        // Anything else is still refused, naming the character and its place.
        _ = try folder.write("claim.yaml", Self.claimYAML(id: "second", follows: "follows: {bundle: evidence/first.zip, seal: \"#\(hex.dropFirst())\"}"))
        let refused = try TestSupport.reader.read(folder: folder.url)
        #expect(refused.claim == nil)
        #expect(refused.diagnostics.contains { $0.severity == .error && $0.message.contains("retype # (U+0023) at digit 1") }, "\(refused.diagnostics)")
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

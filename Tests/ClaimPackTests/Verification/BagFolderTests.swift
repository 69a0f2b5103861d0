import Foundation
import Testing
@testable import ClaimPack

/// `verify` of an extracted bundle: the folder `unzip` made (and the bag's folder in it)
/// checked with the same codes as the ZIP; links, special files, strays and the limits.
struct BagFolderTests {
    /// The telecom example built and extracted by the real `unzip`: the folder `unzip`
    /// made, and the bag's folder in it.
    static func extracted() throws -> (scratch: TemporaryFolder, outer: URL, bag: URL) {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let outer = try Witness.unzip(bundle, into: scratch.url)
        return (scratch, outer, outer.appendingPathComponent("mts-2026-11"))
    }

    static func verify(_ url: URL, limits: VerificationLimits = VerificationLimits(),
                       seal: SHA256Digest? = nil) throws -> VerificationReport {
        var verifier = VerificationTestSupport.verifier
        verifier.limits = limits
        return try verifier.verify(url, expectedSeal: seal)
    }

    @Test func anExtractedBundleIsContentIntactWithTheSealOfTheZip() throws {
        let (scratch, outer, bag) = try Self.extracted()
        let zipped = try VerificationTestSupport.verifier.verify(scratch.url.appendingPathComponent("ru-telecom-subscription.zip"))
        for folder in [outer, bag] {
            let report = try Self.verify(folder, seal: zipped.seal)
            #expect(report.findings.isEmpty, "\(report.findings)")
            #expect(report.verdict == .extractedFolder)
            #expect(!report.isIntact)
            #expect(report.seal == zipped.seal)
            #expect(report.bundleID == "mts-2026-11")
            #expect(report.entryCount == zipped.entryCount)
            #expect(report.contents == zipped.contents)
        }
        // The witness: bagit-python finds the same bag valid.
        let bagit = try Witness.python("import bagit, sys; bagit.Bag(sys.argv[1]).validate(); print('valid')", [bag.path])
        #expect(bagit.status == 0 && bagit.output.contains("valid"), "\(bagit.output)")
    }

    @Test func oneChangedByteIsNotIntactAndNamesTheFile() throws {
        let (scratch, outer, bag) = try Self.extracted()
        defer { withExtendedLifetime(scratch) {} }
        let file = bag.appendingPathComponent("data/evidence/call-2026-10-02.md")
        var bytes = try Data(contentsOf: file)
        bytes[0] ^= 1
        try bytes.write(to: file)
        let report = try Self.verify(outer)
        #expect(report.verdict == .notIntact)
        let named = report.findings.filter { $0.entry == "mts-2026-11/data/evidence/call-2026-10-02.md" }
        #expect(Set(named.map(\.code)) == [.checksumMismatch, .evidenceDigestMismatch], "\(report.findings)")
        // The witness agrees.
        #expect(try Witness.run(["sha256sum", "--quiet", "-c", "manifest-sha256.txt"], in: bag).status != 0)
    }

    @Test func aStrayFileAnywhereIsAFinding() throws {
        let (scratch, outer, bag) = try Self.extracted()
        defer { withExtendedLifetime(scratch) {} }
        try Data("x".utf8).write(to: bag.appendingPathComponent("data/evidence/added.txt"))
        try Data("x".utf8).write(to: bag.appendingPathComponent("notes.txt"))
        try Data("x".utf8).write(to: outer.appendingPathComponent("README.txt"))
        let report = try Self.verify(outer)
        #expect(report.verdict == .notIntact)
        let byEntry = Dictionary(grouping: report.findings, by: { $0.entry ?? "" }).mapValues { Set($0.map(\.code)) }
        #expect(byEntry["mts-2026-11/data/evidence/added.txt"] == [.unlistedPayload, .evidenceUnlisted])
        #expect(byEntry["mts-2026-11/notes.txt"] == [.unlistedTagFile])
        #expect(byEntry["README.txt"] == [.outsideBundleFolder])
    }

    @Test func payloadAddedAndListedInBothBagItManifestsIsAnError() throws {
        let (scratch, _, bag) = try Self.extracted()
        defer { withExtendedLifetime(scratch) {} }
        // As a re-packer could: a file under data/ outside evidence, listed and re-listed.
        let added = bag.appendingPathComponent("data/secret.txt")
        try Data("x".utf8).write(to: added)
        let digest = SHA256Digest(of: Array("x".utf8)).hex
        let manifest = bag.appendingPathComponent("manifest-sha256.txt")
        try (String(contentsOf: manifest, encoding: .utf8) + "\(digest)  data/secret.txt\n").write(to: manifest, atomically: true, encoding: .utf8)
        let listed = SHA256Digest(of: Array(try Data(contentsOf: manifest))).hex
        let tags = bag.appendingPathComponent("tagmanifest-sha256.txt")
        let lines = try String(contentsOf: tags, encoding: .utf8).split(separator: "\n").map {
            $0.hasSuffix("  manifest-sha256.txt") ? "\(listed)  manifest-sha256.txt" : String($0)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: tags, atomically: true, encoding: .utf8)
        let oxum = bag.appendingPathComponent("bag-info.txt")
        let info = try String(contentsOf: oxum, encoding: .utf8).split(separator: "\n").map { line -> String in
            guard line.hasPrefix("Payload-Oxum: "), let parts = Optional(line.dropFirst(14).split(separator: ".")),
                  let bytes = Int(parts[0]), let count = Int(parts[1]) else { return String(line) }
            return "Payload-Oxum: \(bytes + 1).\(count + 1)"
        }
        try (info.joined(separator: "\n") + "\n").write(to: oxum, atomically: true, encoding: .utf8)
        let infoDigest = SHA256Digest(of: Array(try Data(contentsOf: oxum))).hex
        let relisted = try String(contentsOf: tags, encoding: .utf8).split(separator: "\n").map {
            $0.hasSuffix("  bag-info.txt") ? "\(infoDigest)  bag-info.txt" : String($0)
        }
        try (relisted.joined(separator: "\n") + "\n").write(to: tags, atomically: true, encoding: .utf8)
        // bagit-python calls it valid; verify does not.
        let bagit = try Witness.python("import bagit, sys; bagit.Bag(sys.argv[1]).validate(); print('valid')", [bag.path])
        #expect(bagit.output.contains("valid"), "\(bagit.output)")
        let report = try Self.verify(bag)
        #expect(report.verdict == .notIntact)
        let finding = try #require(report.findings.first { $0.entry == "mts-2026-11/data/secret.txt" })
        #expect(finding.code == .unexpectedPayload && finding.severity == .error, "\(report.findings)")
        #expect(finding.message.contains("in an extracted folder this is an error"))
    }

    @Test func aSymbolicLinkIsRefusedAndNeverFollowed() throws {
        let (scratch, outer, bag) = try Self.extracted()
        // The evidence file moved out of the folder and linked back: same bytes, still refused.
        let file = bag.appendingPathComponent("data/evidence/call-2026-10-02.md")
        let outside = scratch.url.appendingPathComponent("outside.txt")
        try FileManager.default.moveItem(at: file, to: outside)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside)
        // And a link to a folder outside: nothing under it is listed.
        try FileManager.default.createSymbolicLink(at: bag.appendingPathComponent("data/etc"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        let report = try Self.verify(outer)
        #expect(report.verdict == .notIntact)
        let links = report.findings.filter { $0.code == .symbolicLink }.compactMap(\.entry)
        #expect(links == ["mts-2026-11/data/etc", "mts-2026-11/data/evidence/call-2026-10-02.md"], "\(report.findings)")
        #expect(report.contents["data/evidence/call-2026-10-02.md"] == nil)
        #expect(!report.findings.contains { $0.entry?.contains("passwd") == true })
        // The bag's folder itself as a link inside the folder given is not followed either.
        let other = try TemporaryFolder("links")
        try FileManager.default.createSymbolicLink(at: other.url.appendingPathComponent("mts-2026-11"), withDestinationURL: bag)
        #expect(throws: VerificationError.self) { try Self.verify(other.url) }
    }

    @Test func aNamedPipeIsRefusedWithoutBlocking() throws {
        let (scratch, outer, bag) = try Self.extracted()
        defer { withExtendedLifetime(scratch) {} }
        #expect(mkfifo(bag.appendingPathComponent("data/evidence/pipe").path, 0o600) == 0)
        let report = try Self.verify(outer)
        #expect(report.findings.contains { $0.code == .notRegular && $0.entry == "mts-2026-11/data/evidence/pipe" }, "\(report.findings)")
        #expect(report.verdict == .notIntact)
    }

    @Test func aRemovedFileIsMissing() throws {
        let (scratch, outer, bag) = try Self.extracted()
        defer { withExtendedLifetime(scratch) {} }
        try FileManager.default.removeItem(at: bag.appendingPathComponent("data/evidence/call-2026-10-02.md"))
        try FileManager.default.removeItem(at: bag.appendingPathComponent("delivery.xml"))
        let report = try Self.verify(outer)
        let codes = VerificationTestSupport.codes(report)
        #expect(codes.isSuperset(of: ["V205", "V304", "V210", "V500"]), "\(codes)")
        let missing = try #require(report.findings.first { $0.code == .evidenceMissing })
        #expect(missing.description == "V304 error: mts-2026-11/data/evidence/call-2026-10-02.md: listed in manifest.xml but not in the folder")
        #expect(report.verdict == .notIntact)
    }

    @Test func theLimitsOfAZipHoldForAFolder() throws {
        let (scratch, outer, bag) = try Self.extracted()
        defer { withExtendedLifetime(scratch) {} }
        var few = VerificationLimits()
        few.maximumEntries = 5
        let crowded = try Self.verify(outer, limits: few)
        #expect(VerificationTestSupport.codes(crowded) == ["V118"])
        var small = VerificationLimits()
        small.maximumTotalBytes = 1000
        let large = try Self.verify(outer, limits: small)
        #expect(VerificationTestSupport.codes(large) == ["V119"])
        // Nesting deeper than the limit is not walked.
        var deep = bag.appendingPathComponent("data")
        for _ in 0...VerificationRun.maximumFolderDepth { deep.appendPathComponent("d") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let nested = try Self.verify(outer)
        #expect(nested.findings.contains { $0.code == .nameTooLong && $0.message.contains("nested more than") }, "\(nested.findings)")
        #expect(nested.verdict == .notIntact)
    }

    @Test func aFolderWithoutABagIsNotRead() throws {
        let (scratch, outer, _) = try Self.extracted()
        #expect(throws: VerificationError.self) { try Self.verify(scratch.url) }
        let twice = try Witness.unzip(scratch.url.appendingPathComponent("ru-telecom-subscription.zip"), into: scratch.url)
        try FileManager.default.moveItem(at: twice.appendingPathComponent("mts-2026-11"), to: outer.appendingPathComponent("copy"))
        do {
            _ = try Self.verify(outer)
            Issue.record("two bags in one folder were verified")
        } catch {
            #expect((error as? VerificationError)?.description.contains("holding 2 bags (copy, mts-2026-11)") == true)
        }
    }

    /// The cases whose hostility is only in the ZIP container: what `unzip` makes of them
    /// is the sealed content (bzip2 is a method `unzip` reads, `verify` of a ZIP refuses).
    static let containerOnlyCases: Set<String> = ["bzip2-method", "data-before-first-entry", "trailing-data",
                                                  "declared-size-lie", "directory-entry", "version-made-by"]

    /// Each case of the hostile corpus, extracted by the real `unzip` (as far as it goes)
    /// and verified as a folder: never a crash or a hang; not intact, or no bag at all
    /// (nothing extracted), but for the cases whose hostility was only the container.
    @Test(arguments: VerificationTestSupport.hostileCases)
    func hostileBundlesExtractedByUnzipStayNotIntact(_ line: String) throws {
        let name = String(line.split(separator: " ")[0])
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let hostile = scratch.url.appendingPathComponent("\(name).zip")
        let made = try Witness.run(["python3", VerificationTestSupport.hostileScript.path, name, bundle.path, hostile.path])
        #expect(made.status == 0, "\(made.output)")
        let folder = scratch.url.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        _ = try Witness.run(["unzip", "-q", "-o", hostile.path, "-d", folder.path])
        let report: VerificationReport
        do {
            report = try Self.verify(folder)
        } catch {
            let bag = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            #expect(bag.isEmpty || !Self.containerOnlyCases.contains(name), "\(name): \(error), the folder holds \(bag)")
            return
        }
        if Self.containerOnlyCases.contains(name) {
            #expect(report.verdict == .extractedFolder, "\(name): \(report.findings)")
        } else {
            #expect(report.verdict == .notIntact, "\(name): \(report.findings)")
        }
    }
}

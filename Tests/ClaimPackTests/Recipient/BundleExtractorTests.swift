import Foundation
import Testing
@testable import ClaimPack

struct BundleExtractorTests {
    static let extractor = BundleExtractor(schemas: TestSupport.repositoryRoot.appendingPathComponent("Schemas"))

    /// Every path under `folder`, relative, sorted; links are reported as `LINK:` entries.
    static func tree(_ folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            var status = stat()
            lstat(folder.appendingPathComponent(path).path, &status)
            paths.append((status.st_mode & S_IFMT == S_IFLNK ? "LINK:" : "") + path)
        }
        return paths.sorted()
    }

    @Test func anExtractedBundleChecksWithSha256sumAndBagit() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let target = scratch.url.appendingPathComponent("out")
        let result = try Self.extractor.extract(bundle, into: target)
        #expect(result.report.isIntact)
        #expect(result.skipped.isEmpty && result.renamed.isEmpty && result.namesFile == nil)
        #expect(result.written.count == 12)
        let bag = target.appendingPathComponent("mts-2026-11")
        let payload = try Witness.run(["sha256sum", "-c", "--strict", "manifest-sha256.txt"], in: bag)
        #expect(payload.status == 0, "\(payload.output)")
        #expect(payload.output.contains("data/evidence/чат/чат с поддержкой 05.10.2026.png: OK"))
        let tags = try Witness.run(["sha256sum", "-c", "--strict", "tagmanifest-sha256.txt"], in: bag)
        #expect(tags.status == 0, "\(tags.output)")
        let bagit = try Witness.run(["python3", "-m", "bagit", "--validate", bag.path])
        #expect(bagit.status == 0 && bagit.output.contains("is valid"), "\(bagit.output)")
        // Nothing but the target was added beside it: the temporary folder is gone.
        let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(beside == ["out", bundle.lastPathComponent].sorted(), "\(beside)")
    }

    @Test func anExistingTargetIsNeverTouched() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let target = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: target.appendingPathComponent("keep.txt"))
        #expect(throws: ExtractionError.self) { try Self.extractor.extract(bundle, into: target) }
        #expect(Self.tree(target) == ["keep.txt"])
        // An empty folder, or a link by that name, is refused too.
        let empty = scratch.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        let link = scratch.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: empty)
        for existing in [empty, link] {
            do {
                _ = try Self.extractor.extract(bundle, into: existing)
                Issue.record("\(existing.lastPathComponent) was overwritten")
            } catch {
                #expect(error.exitStatus == 73)
            }
        }
        #expect(Self.tree(empty).isEmpty)
        let missingParent = scratch.url.appendingPathComponent("no/such/out")
        do {
            _ = try Self.extractor.extract(bundle, into: missingParent)
            Issue.record("extracted under a missing parent")
        } catch {
            #expect(error.exitStatus == 73)
            #expect(error.description.contains("cannot create the folder"))
        }
    }

    /// Each case of the hostile corpus: refused with nothing written; with `force`, only
    /// regular files inside the target, never a link, never outside it, nothing left over.
    @Test(arguments: VerificationTestSupport.hostileCases)
    func hostileBundlesAreRefusedAndForcedOnesStayInside(_ line: String) throws {
        let name = String(line.split(separator: " ")[0])
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let hostile = scratch.url.appendingPathComponent("\(name).zip")
        let made = try Witness.run(["python3", VerificationTestSupport.hostileScript.path, name, bundle.path, hostile.path])
        #expect(made.status == 0, "\(made.output)")
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        let target = scratch.url.appendingPathComponent("out")
        let intact = try VerificationTestSupport.verifier.verify(hostile).isIntact
        do {
            let result = try Self.extractor.extract(hostile, into: target)
            #expect(intact, "\(name): a bundle that does not verify was extracted without force")
            #expect(result.report.isIntact)
        } catch {
            #expect(!intact, "\(name): \(error)")
            #expect(error.exitStatus == 1 || error.exitStatus == 66, "\(name): \(error)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == before, "\(name): something was written")
        }
        try? FileManager.default.removeItem(at: target)

        do {
            let result = try Self.extractor.extract(hostile, into: target, force: true)
            let tree = Self.tree(target)
            #expect(!tree.contains { $0.hasPrefix("LINK:") }, "\(name): a link was written: \(tree)")
            for path in tree {
                var status = stat()
                #expect(lstat(target.appendingPathComponent(path).path, &status) == 0)
                let kind = status.st_mode & S_IFMT
                #expect(kind == S_IFREG || kind == S_IFDIR, "\(name): \(path) is not a file or folder")
            }
            #expect(result.written.allSatisfy { tree.contains($0) })
        } catch {
            #expect(error.exitStatus != 74, "\(name): \(error)")
            #expect(!FileManager.default.fileExists(atPath: target.path), "\(name): a failed extraction left its folder")
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(after.filter { $0 != "out" } == before, "\(name): written beside the target: \(after)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil"), "\(name)")
    }

    /// With `force`, an unsafe entry is skipped and named; the rest of the bag is written.
    @Test(arguments: ["symbolic-link", "dot-dot", "absolute-path", "backslash", "drive-letter", "control-character", "named-pipe"])
    func forceSkipsUnsafeEntries(_ name: String) throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let hostile = scratch.url.appendingPathComponent("\(name).zip")
        #expect(try Witness.run(["python3", VerificationTestSupport.hostileScript.path, name, bundle.path, hostile.path]).status == 0)
        let target = scratch.url.appendingPathComponent("out")
        let result = try Self.extractor.extract(hostile, into: target, force: true)
        #expect(result.skipped.count == 1, "\(name): \(result.skipped)")
        #expect(result.written.count == 12, "\(name): \(result.written)")
        #expect(Self.tree(target).count { !$0.hasSuffix("/") } == 12 + 4, "\(name): \(Self.tree(target))")
    }

    @Test func forceExtractsADamagedBundleAndSha256sumShowsTheDamage() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let changed = scratch.url.appendingPathComponent("changed.zip")
        #expect(try Witness.run(["python3", VerificationTestSupport.hostileScript.path, "evidence-digest", bundle.path, changed.path]).status == 0)
        let target = scratch.url.appendingPathComponent("out")
        do {
            _ = try Self.extractor.extract(changed, into: target)
            Issue.record("extracted without force")
        } catch {
            guard case .notIntact(let report) = error else { Issue.record("\(error)"); return }
            #expect(report.findings.contains { $0.code == .evidenceDigestMismatch })
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let result = try Self.extractor.extract(changed, into: target, force: true)
        #expect(!result.report.isIntact)
        #expect(result.written.count == 12)
        // The re-packed bag is consistent (its BagIt manifests were brought up to date),
        // but manifest.xml still records the original digest.
        let bag = target.appendingPathComponent("mts-2026-11")
        #expect(try Witness.run(["sha256sum", "-c", "manifest-sha256.txt"], in: bag).status == 0)
    }

    @Test func forceSkipsAnEntryWhoseDataIsDamagedAndWritesTheRest() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let damaged = scratch.url.appendingPathComponent("crc.zip")
        #expect(try Witness.run(["python3", VerificationTestSupport.hostileScript.path, "crc-mismatch", bundle.path, damaged.path]).status == 0)
        let target = scratch.url.appendingPathComponent("out")
        let result = try Self.extractor.extract(damaged, into: target, force: true)
        #expect(result.skipped.count == 1, "\(result.skipped)")
        #expect(result.written.count == 11)
        let skipped = try #require(result.skipped.first)
        #expect(!Self.tree(target).contains(skipped.entry), "the damaged entry's partial data was left")
        let bag = target.appendingPathComponent("mts-2026-11")
        let check = try Witness.run(["sha256sum", "-c", "manifest-sha256.txt"], in: bag)
        #expect(check.status != 0)
        #expect(check.output.contains("FAILED open or read"), "\(check.output)")
    }

    @Test func windowsSafeMapsNamesAndListsThem() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", BundleTestSupport.claimYAML())
        for name in ["чат 10:15.png", "вопрос?.txt", "CON.txt", "note.", "a:b.txt", "a_b.txt", "plain.txt"] {
            try folder.write("evidence/\(name)", name)
        }
        let scratch = try TemporaryFolder("bundles")
        let bundle = scratch.url.appendingPathComponent("b.zip")
        _ = try BundleTestSupport.build(folder.url, to: bundle)
        let target = scratch.url.appendingPathComponent("out")
        let result = try Self.extractor.extract(bundle, into: target, windowsSafe: true)
        let written = Dictionary(uniqueKeysWithValues: result.renamed.map { ($0.entry, $0.written) })
        let evidence = "test-claim/data/evidence/"
        #expect(written == [
            evidence + "чат 10:15.png": evidence + "чат 10_15.png",
            evidence + "вопрос?.txt": evidence + "вопрос_.txt",
            evidence + "CON.txt": evidence + "_CON.txt",
            evidence + "note.": evidence + "note_",
            evidence + "a:b.txt": evidence + "a_b~2.txt",
        ])
        for path in Self.tree(target) {
            #expect(PortableName.problems(ofPath: path).isEmpty, "\(path)")
        }
        #expect(try String(contentsOf: target.appendingPathComponent(evidence + "a_b.txt"), encoding: .utf8) == "a_b.txt")
        #expect(try String(contentsOf: target.appendingPathComponent(evidence + "a_b~2.txt"), encoding: .utf8) == "a:b.txt")
        #expect(try String(contentsOf: target.appendingPathComponent(evidence + "_CON.txt"), encoding: .utf8) == "CON.txt")
        #expect(result.namesFile == "NAMES.txt")
        let names = try String(contentsOf: target.appendingPathComponent("NAMES.txt"), encoding: .utf8)
        let lines = names.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count == 5)
        #expect(lines.contains("\(evidence)вопрос?.txt\t\(evidence)вопрос_.txt"))
        // The renamed files are the ones sha256sum reports missing; every other one checks.
        let check = try Witness.run(["sha256sum", "-c", "manifest-sha256.txt"], in: target.appendingPathComponent("test-claim"))
        #expect(check.output.contains("data/evidence/plain.txt: OK"))
        #expect(check.output.contains("data/evidence/a_b.txt: OK"))
        #expect(check.output.components(separatedBy: "FAILED open or read").count - 1 == 5, "\(check.output)")
    }

    /// A name longer than Linux's 255 bytes: skipped with `force`, and written shortened
    /// to fit Windows (255 units a name, 260 a path) with `windowsSafe`.
    @Test func aNameTooLongForTheFileSystemIsSkippedOrShortened() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let long = scratch.url.appendingPathComponent("long.zip")
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], 'w') as target:
                for info in source.infolist():
                    target.writestr(info, source.read(info.filename))
                target.writestr('mts-2026-11/data/evidence/' + 'n' * 300 + '.txt', b'long')
            """
        #expect(try Witness.python(script, [bundle.path, long.path]).status == 0)
        let target = scratch.url.appendingPathComponent("out")
        let forced = try Self.extractor.extract(long, into: target, force: true)
        #expect(forced.skipped.count == 1)
        #expect(forced.skipped.first?.reason.contains("too long for this file system") == true, "\(forced.skipped)")
        #expect(forced.written.count == 12)
        let safe = try Self.extractor.extract(long, into: scratch.url.appendingPathComponent("safe"), force: true, windowsSafe: true)
        #expect(safe.skipped.isEmpty, "\(safe.skipped)")
        #expect(safe.renamed.map(\.written) == ["mts-2026-11/data/evidence/" + String(repeating: "n", count: 230) + ".txt"])  // 260 in all
    }
}


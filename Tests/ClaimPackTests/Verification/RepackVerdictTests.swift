import Foundation
import Testing
@testable import ClaimPack

/// The three verdicts: a bundle re-packed by another tool, its content untouched, is
/// "content intact, container re-packed" (V130); re-packed with one byte changed, or
/// edited in place, it is not intact.
struct RepackVerdictTests {
    /// Re-packs `bundle` with Python's zipfile: every entry deflated, in reverse order.
    /// With `change`, the last byte of the first entry whose name contains it is flipped.
    static func pythonRepack(_ bundle: URL, to output: URL, change: String? = nil, adding extra: String? = nil) throws {
        let script = """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1])
            out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            change, extra = sys.argv[3], sys.argv[4]
            for info in reversed(src.infolist()):
                data = bytearray(src.read(info.filename))
                if change and change in info.filename:
                    data[-1] ^= 1
                    change = ''
                out.writestr(info.filename, bytes(data))
            if extra:
                out.writestr(extra, b'')
            out.close()
            """
        let outcome = try Witness.python(script, [bundle.path, output.path, change ?? "", extra ?? ""])
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    /// Unzips `bundle`, optionally flips a byte of `change` (a path inside the bag), and
    /// packs the folder again with `zip -r`, directory entries included.
    static func zipRepack(_ bundle: URL, to output: URL, in scratch: URL, change: String? = nil) throws {
        let folder = try Witness.unzip(bundle, into: scratch)
        if let change {
            let file = folder.appendingPathComponent("mts-2026-11/\(change)")
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count - 1] ^= 1
            try bytes.write(to: file)
        }
        let outcome = try Witness.run(["zip", "-q", "-r", output.path, "mts-2026-11"], in: folder)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test func zipRecursiveRepackIsContentIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("zip-r.zip")
        try Self.zipRepack(bundle, to: repacked, in: scratch.url)
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .repacked, "\(report.findings)")
        #expect(!report.isIntact)
        let codes = VerificationTestSupport.codes(report)
        #expect(codes.contains("V130") && !codes.contains("V128"), "\(report.findings)")
        #expect(codes.contains("V127"), "zip -r adds directory entries: \(report.findings)")
        #expect(report.findings.filter { $0.code == .repacked }.count == 1)
    }

    @Test func pythonZipfileRepackIsContentIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let original = try VerificationTestSupport.verifier.verify(bundle)
        let repacked = scratch.url.appendingPathComponent("py.zip")
        try Self.pythonRepack(bundle, to: repacked)
        let report = try VerificationTestSupport.verifier.verify(repacked, expectedSeal: original.seal)
        #expect(report.verdict == .repacked, "\(report.findings)")
        #expect(report.seal == original.seal)
        #expect(report.findings.map(\.code) == [.repacked], "\(report.findings)")
    }

    @Test(arguments: ["data/evidence/call-2026-10-02.md", "manifest.xml", "delivery.xml", "claim-manifest-1.xsd"])
    func zipRecursiveRepackWithOneByteChangedIsNotIntact(_ path: String) throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("zip-r.zip")
        try Self.zipRepack(bundle, to: repacked, in: scratch.url, change: path)
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .notIntact, "\(path): \(report.findings)")
        #expect(VerificationTestSupport.codes(report).contains("V128"), "the container findings stay: \(report.findings)")
        #expect(!VerificationTestSupport.codes(report).contains("V130"))
    }

    @Test func pythonRepackWithOneByteChangedIsNotIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("py.zip")
        try Self.pythonRepack(bundle, to: repacked, change: "/data/evidence/")
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .notIntact, "\(report.findings)")
        #expect(VerificationTestSupport.codes(report).contains("V204"))
    }

    @Test func aRepackWithAFolderOfItsOwnOrAFileOutsideTheBagIsNotIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        for (extra, code) in [("mts-2026-11/data/evidence/hidden/", "V127"), ("elsewhere/", "V126"), ("elsewhere.txt", "V126")] {
            let repacked = scratch.url.appendingPathComponent("extra.zip")
            try? FileManager.default.removeItem(at: repacked)
            try Self.pythonRepack(bundle, to: repacked, adding: extra)
            let report = try VerificationTestSupport.verifier.verify(repacked)
            #expect(report.verdict == .notIntact, "\(extra): \(report.findings)")
            #expect(VerificationTestSupport.codes(report).contains(code), "\(extra): \(report.findings)")
        }
    }

    /// One header field edited in a canonical bundle is an edit, not a re-pack.
    @Test func oneEntryEditedInPlaceIsNotIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        var bytes = try Data(contentsOf: bundle)
        let central = try #require(bytes.range(of: Data([0x50, 0x4B, 0x01, 0x02])))
        bytes[central.lowerBound + 38] ^= 0x01 // the first entry's external attributes
        let edited = scratch.url.appendingPathComponent("edited.zip")
        try bytes.write(to: edited)
        let report = try VerificationTestSupport.verifier.verify(edited)
        #expect(report.verdict == .notIntact, "\(report.findings)")
        #expect(VerificationTestSupport.codes(report) == ["V128"], "\(report.findings)")
    }

    /// Local headers that give another method than the central directory could make a
    /// streaming extractor read other bytes: never a mere re-pack.
    @Test func headersThatDisagreeAreNotARepack() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("py.zip")
        try Self.pythonRepack(bundle, to: repacked)
        var bytes = try Data(contentsOf: repacked)
        let local = try #require(bytes.range(of: Data([0x50, 0x4B, 0x03, 0x04])))
        bytes[local.lowerBound + 14] ^= 0x01 // the local CRC-32
        try bytes.write(to: repacked)
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .notIntact, "\(report.findings)")
    }
}

extension RepackVerdictTests {
    /// A re-packer can add a file and list it in BagIt's manifests: without the canonical
    /// form to vouch for claimpack, such a file keeps the bundle not intact.
    @Test(arguments: ["notes.txt", "data/secret/notes.txt"])
    func aRepackThatAddsAListedFileIsNotIntact(_ path: String) throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("added.zip")
        let script = """
            import hashlib, re, sys, zipfile
            src = zipfile.ZipFile(sys.argv[1]); path = sys.argv[3]
            items = {i.filename: src.read(i.filename) for i in src.infolist()}
            root = next(iter(items)).split('/')[0]
            added = b'added after sealing\\n'
            items[f'{root}/{path}'] = added
            line = hashlib.sha256(added).hexdigest().encode() + b'  ' + path.encode() + b'\\n'
            if path.startswith('data/'):
                items[f'{root}/manifest-sha256.txt'] += line
                info = items[f'{root}/bag-info.txt']
                m = re.search(rb'Payload-Oxum: (\\d+)\\.(\\d+)', info)
                oxum = b'Payload-Oxum: %d.%d' % (int(m.group(1)) + len(added), int(m.group(2)) + 1)
                items[f'{root}/bag-info.txt'] = info[:m.start()] + oxum + info[m.end():]
                tags = [l for l in items[f'{root}/tagmanifest-sha256.txt'].splitlines(True) if not l.rstrip().endswith((b'manifest-sha256.txt', b'bag-info.txt')) or l.rstrip().endswith(b'tagmanifest-sha256.txt')]
                for name in ['manifest-sha256.txt', 'bag-info.txt']:
                    tags.append(hashlib.sha256(items[f'{root}/{name}']).hexdigest().encode() + b'  ' + name.encode() + b'\\n')
                items[f'{root}/tagmanifest-sha256.txt'] = b''.join(tags)
            else:
                items[f'{root}/tagmanifest-sha256.txt'] += line
            out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            for name, data in items.items():
                out.writestr(name, data)
            out.close()
            """
        let made = try Witness.python(script, [bundle.path, repacked.path, path])
        #expect(made.status == 0, "\(made.output)")
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .notIntact, "\(path): \(report.findings)")
        #expect(!report.findings.contains { $0.severity == .error && $0.code != .nonCanonical }, "only the container's form is at fault: \(report.findings)")
    }
}

extension RepackVerdictTests {
    /// A carried earlier bundle's V130 (under its entry) says nothing of this container;
    /// this archive's own V130 has no entry.
    @Test func onlyTheBundlesOwnV130MakesTheVerdict() {
        func verdict(_ findings: [Finding]) -> VerificationVerdict {
            VerificationReport(bundle: URL(fileURLWithPath: "b.zip"), findings: findings, seal: nil, bundleID: "b",
                               entryCount: 1, tagFiles: [:], contents: [:]).verdict
        }
        let carried = Finding(.repacked, entry: "b/data/evidence/a.zip!/", "re-packed", severity: .warning)
        let own = Finding(.repacked, "re-packed", severity: .warning)
        #expect(verdict([carried]) == .intact)
        #expect(verdict([own]) == .repacked)
        #expect(verdict([own, Finding(.checksumMismatch, entry: "b/data/x", "changed")]) == .notIntact)
    }
}

extension RepackVerdictTests {
    /// Written as a stream (data descriptors: local CRC-32 and sizes left at 0), as
    /// Windows' compressed folders and many gateways write: still content intact.
    @Test func aStreamedRepackWithDataDescriptorsIsContentIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("streamed.zip")
        let script = """
            import io, sys, zipfile
            class Stream(io.RawIOBase):
                def __init__(self, f): self.f = f
                def writable(self): return True
                def seekable(self): return False
                def write(self, b): return self.f.write(b)
            src = zipfile.ZipFile(sys.argv[1])
            with open(sys.argv[2], 'wb') as f:
                out = zipfile.ZipFile(Stream(f), 'w', zipfile.ZIP_DEFLATED)
                for info in src.infolist():
                    out.writestr(info.filename, src.read(info.filename))
                out.close()
            assert all(i.flag_bits & 8 for i in zipfile.ZipFile(sys.argv[2]).infolist())
            """
        let made = try Witness.python(script, [bundle.path, repacked.path])
        #expect(made.status == 0, "\(made.output)")
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .repacked, "\(report.findings)")
        #expect(report.findings.map(\.code) == [.repacked], "\(report.findings)")
    }
}

extension RepackVerdictTests {
    /// Unzips `bundle` and packs the folder again with 7-Zip (`7z a -tzip`, p7zip-full, which
    /// `scripts/setup.sh --tests` installs), after flipping the last byte of `change`.
    static func sevenZipRepack(_ bundle: URL, to output: URL, in scratch: URL, change: String? = nil) throws {
        let folder = try Witness.unzip(bundle, into: scratch)
        if let change {
            let file = folder.appendingPathComponent("mts-2026-11/\(change)")
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count - 1] ^= 1
            try bytes.write(to: file)
        }
        let outcome = try Witness.run(["7z", "a", "-tzip", "-bd", output.path, "mts-2026-11"], in: folder)
        #expect(outcome.status == 0, "7z (install p7zip-full: scripts/setup.sh --tests): \(outcome.output)")
    }

    @Test func sevenZipRepackIsContentIntact() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let original = try VerificationTestSupport.verifier.verify(bundle)
        let repacked = scratch.url.appendingPathComponent("7z.zip")
        try Self.sevenZipRepack(bundle, to: repacked, in: scratch.url)
        let report = try VerificationTestSupport.verifier.verify(repacked, expectedSeal: original.seal)
        #expect(report.verdict == .repacked, "\(report.findings)")
        #expect(report.findings.filter { $0.code == .repacked }.count == 1)
        #expect(!VerificationTestSupport.codes(report).contains("V128"), "\(report.findings)")
    }

    @Test(arguments: ["data/evidence/call-2026-10-02.md", "manifest.xml"])
    func sevenZipRepackWithOneByteChangedIsNotIntact(_ path: String) throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let repacked = scratch.url.appendingPathComponent("7z.zip")
        try Self.sevenZipRepack(bundle, to: repacked, in: scratch.url, change: path)
        let report = try VerificationTestSupport.verifier.verify(repacked)
        #expect(report.verdict == .notIntact, "\(path): \(report.findings)")
        #expect(!VerificationTestSupport.codes(report).contains("V130"))
    }
}

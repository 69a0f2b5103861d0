import Foundation
import Testing
@testable import ClaimPack

/// The two schemas travel in the bundle as tag files, byte for byte those of `Schemas/`;
/// `verify` holds them to its own (V310), and a bundle without them still verifies.
struct CarriedSchemaTests {
    static let schemas = TestSupport.repositoryRoot.appendingPathComponent("Schemas")

    @Test func aBundleCarriesTheSchemasListedInItsTagManifest() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let bag = try Witness.unzip(bundle, into: scratch.url).appendingPathComponent("mts-2026-11")
        let tagManifest = try String(contentsOf: bag.appendingPathComponent("tagmanifest-sha256.txt"), encoding: .utf8)
        for name in BundleLayout.schemaFiles {
            let carried = try Data(contentsOf: bag.appendingPathComponent(name))
            #expect(carried == (try Data(contentsOf: Self.schemas.appendingPathComponent(name))), "\(name)")
            #expect(tagManifest.contains("\(SHA256Digest(of: Array(carried)).hex)  \(name)\n"))
        }
        // xmllint validates from the extracted folder alone.
        for (schema, document) in [("claim-manifest-1.xsd", "manifest.xml"), ("delivery-record-1.xsd", "delivery.xml")] {
            let outcome = try Witness.run(["xmllint", "--noout", "--nonet", "--schema", schema, document], in: bag)
            #expect(outcome.status == 0 && outcome.output.contains("\(document) validates"), "\(outcome.output)")
        }
    }

    /// Re-packs `bundle` with Python's zipfile, `edit` applied to the entries (a dict by
    /// name), the tag manifest brought up to date.
    static func repack(_ bundle: URL, to output: URL, edit: String) throws -> VerificationReport {
        let script = """
            import hashlib, sys, zipfile
            src = zipfile.ZipFile(sys.argv[1])
            items = {i.filename: src.read(i.filename) for i in src.infolist()}
            root = next(iter(items)).split('/')[0]
            \(edit)
            tags = b''.join(hashlib.sha256(d).hexdigest().encode() + b'  ' + n.split('/', 1)[1].encode() + b'\\n'
                            for n, d in items.items() if not n.split('/', 1)[1].startswith('data/') and not n.endswith('/tagmanifest-sha256.txt'))
            items[f'{root}/tagmanifest-sha256.txt'] = tags
            out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            for n, d in items.items():
                out.writestr(n, d)
            out.close()
            """
        let made = try Witness.python(script, [bundle.path, output.path])
        #expect(made.status == 0, "\(made.output)")
        return try VerificationTestSupport.verifier.verify(output)
    }

    @Test func aChangedSchemaIsReported() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let report = try Self.repack(bundle, to: scratch.url.appendingPathComponent("xsd.zip"), edit: """
            name = f'{root}/claim-manifest-1.xsd'
            items[name] = items[name].replace(b'<xs:enumeration', b'<!-- widened --><xs:enumeration', 1)
            """)
        let changed = report.findings.filter { $0.code == .schemaChanged }
        #expect(changed.map(\.entry) == ["mts-2026-11/claim-manifest-1.xsd"], "\(report.findings)")
        #expect(changed.allSatisfy { $0.severity == .error })
        #expect(report.verdict == .notIntact)
    }

    @Test func aBundleBuiltBeforeTheSchemasTravelledStillVerifies() throws {
        let (scratch, bundle) = try VerificationTestSupport.exampleBundle()
        let report = try Self.repack(bundle, to: scratch.url.appendingPathComponent("old.zip"), edit: """
            items = {n: d for n, d in items.items() if not n.endswith('.xsd')}
            """)
        #expect(report.findings.map(\.code) == [.repacked], "\(report.findings)")
    }
}

import Foundation
import Testing
@testable import ClaimPack

/// Builds bundles for the tests with the repository's schemas.
enum BundleTestSupport {
    static let builder = BundleBuilder(schemas: TestSupport.repositoryRoot.appendingPathComponent("Schemas"), software: "claimpack test")

    /// Reads and builds `folder` into `output`; the report must be buildable.
    static func build(_ folder: URL, to output: URL, replacing: Bool = false) throws -> BuildResult {
        let report = try TestSupport.reader.read(folder: folder)
        #expect(report.isBuildable, "\(report.diagnostics)")
        return try builder.build(report, to: output, replacing: replacing)
    }

    /// The names in an archive's central directory, in order, as Python's zipfile reads them.
    static func entryNames(_ bundle: URL) throws -> [String] {
        let outcome = try Witness.python("import sys, zipfile\nfor n in zipfile.ZipFile(sys.argv[1]).namelist(): print(n)", [bundle.path])
        #expect(outcome.status == 0, "\(outcome.output)")
        return outcome.output.split(separator: "\n").map(String.init)
    }

    /// A minimal valid claim.yaml with the given extra evidence entries.
    static func claimYAML(id: String = "test-claim", evidence: String = "") -> String {
        """
        format: 1
        language: en
        id: \(id)
        date: 2026-11-21
        subject: Refund
        claimant: {name: Ann Smith, address: "1 Road, Leeds", email: ann@example.com}
        respondent: {name: Shop Ltd, address: "2 Road, York"}
        demands:
          - text: Refund.
        delivery: {method: email}
        \(evidence)
        """
    }
}

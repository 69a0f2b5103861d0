import Foundation
import Testing
@testable import ClaimPack

/// A verifier with the repository's schemas, and the example bundles it checks.
enum VerificationTestSupport {
    static let verifier = BundleVerifier(schemas: TestSupport.repositoryRoot.appendingPathComponent("Schemas"))
    static let hostileScript = TestSupport.fixtures.appendingPathComponent("Hostile/hostile.py")

    /// The hostile cases and the code each must produce, as `hostile.py --list` gives them.
    static let hostileCases: [String] = {
        guard let outcome = try? Witness.run(["python3", hostileScript.path, "--list"]) else { return [] }
        return outcome.output.split(separator: "\n").map(String.init)
    }()

    /// A fresh bundle of an example, in its own temporary folder.
    static func exampleBundle(_ name: String = "ru-telecom-subscription") throws -> (folder: TemporaryFolder, bundle: URL) {
        let scratch = try TemporaryFolder("bundles")
        let bundle = scratch.url.appendingPathComponent("\(name).zip")
        _ = try BundleTestSupport.build(TestSupport.examples.appendingPathComponent(name), to: bundle)
        return (scratch, bundle)
    }

    static func codes(_ report: VerificationReport) -> Set<String> { Set(report.findings.map(\.code.rawValue)) }
}

/// A seeded generator (SplitMix64), so that a failing mutation can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

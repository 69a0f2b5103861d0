// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer harnesses for `claimpack verify` (any bytes as a bundle) and `claimpack
// check` (any bytes as claim.yaml; an accepted claim must build and verify). Built apart
// from the main package, because libFuzzer supplies `main` and needs `-sanitize=fuzzer`:
//
//     cd Fuzz && swift build -c release --scratch-path ../.build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//     ../.build-fuzz/release/VerifierFuzzer corpus/ -max_total_time=600
//     ../.build-fuzz/release/CheckFuzzer check-corpus/ -max_total_time=600
//
// `scripts/fuzz.sh SECONDS` does both, with seed corpora of real and hostile bundles and of
// the examples' and templates' claim.yaml files.
let package = Package(
    name: "claimpack-fuzz",
    dependencies: [.package(path: "claimpack-root")],
    targets: [
        .executableTarget(
            name: "VerifierFuzzer",
            dependencies: [.product(name: "ClaimPack", package: "claimpack-root")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .executableTarget(
            name: "CheckFuzzer",
            dependencies: [.product(name: "ClaimPack", package: "claimpack-root")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

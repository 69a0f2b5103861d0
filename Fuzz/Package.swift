// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer harnesses for `claimpack verify` (any bytes as a bundle), `claimpack
// check` (any bytes as claim.yaml; an accepted claim must build and verify) and the
// time-stamp token checks (any bytes as a stored token, TimestampKit). Built apart
// from the main package, because libFuzzer supplies `main` and needs `-sanitize=fuzzer`:
//
//     cd Fuzz && swift build -c release --scratch-path ../.build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//     ../.build-fuzz/release/VerifierFuzzer corpus/ -max_total_time=600
//     ../.build-fuzz/release/CheckFuzzer check-corpus/ -max_total_time=600
//     CLAIMPACK_FUZZ_ROOTS=root.pem ../.build-fuzz/release/TokenFuzzer token-corpus/ -max_total_time=600
//
// `scripts/fuzz.sh SECONDS` runs the three, with seed corpora of real and hostile bundles,
// of the examples' claim.yaml files, and of real and hostile tokens.
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
        .executableTarget(
            name: "TokenFuzzer",
            dependencies: [.product(name: "TimestampKit", package: "claimpack-root")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

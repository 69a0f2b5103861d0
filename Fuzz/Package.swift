// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer harness for `claimpack verify`. Built apart from the main package, because
// libFuzzer supplies `main` and needs `-sanitize=fuzzer`:
//
//     cd Fuzz && swift build -c release --scratch-path ../.build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//     ../.build-fuzz/release/VerifierFuzzer corpus/ -max_total_time=600
//
// `scripts/fuzz.sh SECONDS` does both, with a seed corpus of real and hostile bundles.
let package = Package(
    name: "claimpack-fuzz",
    dependencies: [.package(path: "claimpack-root")],
    targets: [
        .executableTarget(
            name: "VerifierFuzzer",
            dependencies: [.product(name: "ClaimPack", package: "claimpack-root")],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

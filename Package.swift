// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode plus the strict upcoming features.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "claimpack",
    // Linux only (Debian 12 and alike), which SwiftPM has no `platforms:` entry for, so
    // none is given. macOS is not claimed: the system-library targets find libzip,
    // libxml2 (built with ICU, see DEPENDENCIES.md), zlib and Pango/Cairo through Debian's
    // pkg-config files and apt providers, ZipKit writes with Linux's O_DIRECT, and the
    // core uses Synchronization's Mutex (macOS 15 at least); the old `.macOS(.v13)` line
    // promised a build nobody has made.
    products: [
        .executable(name: "claimpack", targets: ["claimpack"]),
        .library(name: "ClaimPack", targets: ["ClaimPack"]),
        // For Fuzz/ (TokenFuzzer), which feeds tokens to it directly.
        .library(name: "TimestampKit", targets: ["TimestampKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // C libraries from the system, each behind exactly one Swift wrapper module.
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Headers only: libcurl (libcurl4-openssl-dev), poppler-glib (libpoppler-glib-dev),
        // gdk-pixbuf (libgdk-pixbuf-2.0-dev) and libheif (libheif-dev) are opened with dlopen
        // on first use, not linked (97 shared libraries loaded at every start, 49 without
        // them). No `pkgConfig` and no `link` line: either would link them.
        .systemLibrary(name: "CCurl"),
        .systemLibrary(name: "CPoppler"),
        .systemLibrary(name: "CGdkPixbuf"),
        .systemLibrary(name: "CLibHeif"),
        .target(
            name: "PDFRendering",
            dependencies: ["CPangoCairo", "CPoppler", "CGdkPixbuf", "CLibHeif", "DynamicLoading"],
            exclude: ["README.md"],
            // gdk-pixbuf's headers include each other as <gdk-pixbuf/…>, below this folder,
            // which only its pkg-config file (and so its link) would give.
            swiftSettings: strictSettings + [.unsafeFlags(["-Xcc", "-I/usr/include/gdk-pixbuf-2.0"])]
        ),
        // The only module that calls the C library's file functions; the rest go through
        // swift-system's FileDescriptor.
        .target(name: "FileIO", dependencies: [.product(name: "SystemPackage", package: "swift-system")], exclude: ["README.md"], swiftSettings: strictSettings),
        // dlopen/dlsym for the libraries opened on first use (PDFRendering, TimestampKit).
        .target(name: "DynamicLoading", swiftSettings: strictSettings),
        .target(name: "ZipKit", dependencies: ["CLibZip", "CZlib", "FileIO", .product(name: "SystemPackage", package: "swift-system")], exclude: ["README.md"], swiftSettings: strictSettings),
        .target(name: "XMLKit", dependencies: ["CLibXML2"], exclude: ["README.md"], swiftSettings: strictSettings),
        // RFC 3161 time-stamp requests and tokens (OpenSSL) and the HTTP POST (libcurl).
        .target(name: "TimestampKit", dependencies: ["COpenSSL", "CCurl", "DynamicLoading"], exclude: ["README.md"], swiftSettings: strictSettings),

        // The core: model, claim-folder reader, diagnostics. Never prints, never exits.
        .target(
            name: "ClaimPack",
            dependencies: [
                "ZipKit",
                "XMLKit",
                "PDFRendering",
                "FileIO",
                .product(name: "SystemPackage", package: "swift-system"),
                "TimestampKit",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        // The command line: one file per subcommand; parses, validates, hands off.
        .target(
            name: "ClaimPackCLI",
            dependencies: [
                "ClaimPack",
                "FileIO",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "claimpack", dependencies: ["ClaimPackCLI"], swiftSettings: strictSettings),

        .testTarget(name: "FileIOTests", dependencies: ["FileIO", .product(name: "SystemPackage", package: "swift-system")], swiftSettings: strictSettings),
        .testTarget(name: "ZipKitTests", dependencies: ["ZipKit"], swiftSettings: strictSettings),
        .testTarget(name: "XMLKitTests", dependencies: ["XMLKit"], swiftSettings: strictSettings),
        .testTarget(name: "TimestampKitTests", dependencies: ["TimestampKit"], swiftSettings: strictSettings),
        .testTarget(name: "PDFRenderingTests", dependencies: ["PDFRendering"], swiftSettings: strictSettings),
        .testTarget(
            name: "ClaimPackTests",
            dependencies: ["ClaimPack"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClaimPackCLITests",
            dependencies: ["ClaimPackCLI", "claimpack"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

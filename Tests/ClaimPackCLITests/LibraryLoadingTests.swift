import Foundation
import Testing

/// poppler-glib, gdk-pixbuf, libheif and libcurl are opened on first use, not linked: the
/// executable does not name them (readelf is the witness); a command that needs one that is
/// missing says which and which Debian package installs it, and commands that do not need
/// them run without them. `CLAIMPACK_TEST_MISSING_LIBRARIES` makes a library count as missing.
struct LibraryLoadingTests {
    static let opened = ["libpoppler-glib.so.8", "libgdk_pixbuf-2.0.so.0", "libheif.so.1", "libcurl.so.4"]

    static func hiding(_ sonames: [String]) -> [String: String] {
        ["CLAIMPACK_TEST_MISSING_LIBRARIES": sonames.joined(separator: ",")]
    }

    @Test func theExecutableDoesNotLinkThem() throws {
        let dynamic = try CLIRunner.runTool("/usr/bin/readelf", ["-d", CLIRunner.executable.path])
        let needed = dynamic.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        #expect(needed.contains { $0.contains("[libcairo.so.2]") }, "the witness reads NEEDED: \(needed)")
        for soname in Self.opened {
            #expect(!needed.contains { $0.contains("[\(soname)]") }, "\(soname) is linked")
        }
    }

    @Test func buildAndVerifyRunWithoutThem() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        let built = try CLIRunner.run(["build", example, "-o", "b.zip"], in: scratch.url, environment: Self.hiding(Self.opened))
        #expect(built.status == 0, "\(built.standardError)")
        let verified = try CLIRunner.run(["verify", "b.zip"], in: scratch.url, environment: Self.hiding(Self.opened))
        #expect(verified.status == 0, "\(verified.standardError)")
    }

    @Test func aKitNeedingAMissingLibrarySaysWhichToInstall() throws {
        let scratch = try ScratchFolder()
        let folder = try LetterFormsTests.claim(in: scratch, files: [:], evidence: "  - {id: photo, file: evidence/photo.heic, title: Фото чека, kind: photo}")
        try FileManager.default.copyItem(at: EvidenceCopyTests.fixtures.appendingPathComponent("photo.heic"),
                                         to: URL(fileURLWithPath: folder).appendingPathComponent("evidence/photo.heic"))
        let heic = try CLIRunner.run(["letter", folder, "-o", "heic.pdf"], in: scratch.url, environment: Self.hiding(["libheif.so.1"]))
        // 69 (EX_UNAVAILABLE): nothing is wrong with the claim; a library is not installed.
        #expect(heic.status == 69)
        #expect(heic.standardError.contains("evidence/photo.heic: cannot be printed: libheif cannot be loaded (libheif.so.1: hidden by CLAIMPACK_TEST_MISSING_LIBRARIES); install Debian's package libheif1 (apt install libheif1)"),
                "\(heic.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("heic.pdf").path))
        let control = try CLIRunner.run(["letter", folder, "-o", "heic.pdf"], in: scratch.url, environment: Self.hiding(["libcurl.so.4"]))
        #expect(control.status == 0, "\(control.standardError)")

        // The example encloses a PDF (poppler-glib) and a PNG (gdk-pixbuf).
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        for (soname, message) in [("libpoppler-glib.so.8", "poppler-glib cannot be loaded (libpoppler-glib.so.8: hidden by CLAIMPACK_TEST_MISSING_LIBRARIES); install Debian's package libpoppler-glib8 (apt install libpoppler-glib8)"),
                                  ("libgdk_pixbuf-2.0.so.0", "gdk-pixbuf cannot be loaded (libgdk_pixbuf-2.0.so.0: hidden by CLAIMPACK_TEST_MISSING_LIBRARIES); install Debian's package libgdk-pixbuf-2.0-0 (apt install libgdk-pixbuf-2.0-0)")] {
            let outcome = try CLIRunner.run(["letter", example, "-o", "kit.pdf"], in: scratch.url, environment: Self.hiding([soname]))
            #expect(outcome.status == 69)
            #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        }
        #expect(try CLIRunner.run(["letter", example, "-o", "kit.pdf"], in: scratch.url).status == 0)
    }

    /// Without libcurl no authority can be asked: exit 69, as for one that cannot be reached,
    /// and the bundle is left as it was.
    @Test func aTimeStampWithoutLibcurlIsUnavailable() throws {
        let (scratch, bundle, _) = try TimestampCommandTests.bundle()
        let file = scratch.url.appendingPathComponent(bundle)
        let before = try Data(contentsOf: file)
        let message = "libcurl cannot be loaded (libcurl.so.4: hidden by CLAIMPACK_TEST_MISSING_LIBRARIES); install Debian's package libcurl4 (apt install libcurl4)"
        let stamped = try CLIRunner.run(["timestamp", bundle, "--tsa", "http://127.0.0.1:9/tsa"], in: scratch.url,
                                        environment: Self.hiding(["libcurl.so.4"]))
        #expect(stamped.status == 69)
        #expect(stamped.standardError.contains(message), "\(stamped.standardError)")
        let delivered = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR473124829RU",
                                           "--timestamp", "http://127.0.0.1:9/tsa"], in: scratch.url, environment: Self.hiding(["libcurl.so.4"]))
        #expect(delivered.status == 69)
        #expect(delivered.standardError.contains(message), "\(delivered.standardError)")
        #expect(try Data(contentsOf: file) == before)
    }
}

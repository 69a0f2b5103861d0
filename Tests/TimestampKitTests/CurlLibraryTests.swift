import Testing
@testable import TimestampKit

/// libcurl opened on first use: the real library loads; one that is not installed is an
/// error naming libcurl and Debian's package, with the dynamic loader's reason.
@Suite struct CurlLibraryTests {
    @Test func theInstalledLibraryLoadsOnce() throws {
        let curl = try CurlLibrary.shared()
        let handle = try #require(curl.easyInit())
        curl.easyCleanup(handle)
        #expect(try CurlLibrary.shared().setopt.address == curl.setopt.address)
    }

    @Test func aMissingLibraryIsNamedWithItsPackage() {
        #expect {
            _ = try CurlLibrary(soname: "libclaimpack-absent.so.0")
        } throws: { error in
            guard case TimestampError.libraryMissing(let library, let package, let reason) = error else { return false }
            return library == "libcurl" && package == "libcurl4"
                && reason == "libclaimpack-absent.so.0: cannot open shared object file: No such file or directory"
                && (error as? TimestampError)?.description
                    == "libcurl cannot be loaded (libclaimpack-absent.so.0: cannot open shared object file: No such file or directory); install Debian's package libcurl4 (apt install libcurl4)"
        }
    }

    /// A library of another ABI lacking a function (here libz, which has none of curl's).
    @Test func aLibraryWithoutTheFunctionsIsRefused() {
        #expect {
            _ = try CurlLibrary(soname: "libz.so.1")
        } throws: { error in
            guard case TimestampError.libraryMissing(_, _, let reason) = error else { return false }
            return reason.contains("undefined symbol: curl_easy_init")
        }
    }
}

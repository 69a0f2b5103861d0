internal import CCurl
internal import DynamicLoading

/// The functions of libcurl that `TimestampClient` calls, looked up once per process in the
/// library opened with `dlopen` when the first request is sent: libcurl and its 30-odd
/// dependencies are not loaded at every start of a command that never sends one.
///
/// Opened with `RTLD_NOW | RTLD_LOCAL` by the name Debian's `libcurl4` installs (its
/// SONAME), never closed. `curl_easy_setopt` and `curl_easy_getinfo` are variadic: kept as
/// addresses and called through the shim's typed functions (`cp_curl_set_long(setopt, …)`).
struct CurlLibrary: Sendable {
    let easyInit: cp_curl_easy_init
    let easyCleanup: cp_curl_easy_cleanup
    let easyPerform: cp_curl_easy_perform
    let easyStrerror: cp_curl_easy_strerror
    let slistAppend: cp_curl_slist_append
    let slistFreeAll: cp_curl_slist_free_all
    /// `curl_easy_setopt`, for the shim's `cp_curl_set_…` functions.
    let setopt: Function
    /// `curl_easy_getinfo`, for the shim's `cp_curl_get_…` functions.
    let getinfo: Function

    /// The address of a variadic function: only ever passed to the shim, which calls it.
    struct Function: @unchecked Sendable {
        /// Safe to share: the address of code in a library that is never closed.
        let address: UnsafeMutableRawPointer
    }

    /// The library's SONAME and Debian package.
    static let soname = "libcurl.so.4", package = "libcurl4"

    /// The functions, or why libcurl cannot be loaded; the library is opened at most once,
    /// whatever the threads.
    static func shared() throws(TimestampError) -> CurlLibrary { try loaded.get() }

    private static let loaded = Result { () throws(TimestampError) in try CurlLibrary(soname: soname) }

    /// Opens `soname` (another name only in tests) and looks the functions up.
    init(soname: String) throws(TimestampError) {
        let library: DynamicLibrary
        do { library = try DynamicLibrary(soname: soname) } catch { throw CurlLibrary.missing(error.reason) }
        func function(_ symbol: String) throws(TimestampError) -> UnsafeMutableRawPointer {
            do { return try library.address(of: symbol) } catch { throw CurlLibrary.missing(error.reason) }
        }
        easyInit = unsafeBitCast(try function("curl_easy_init"), to: cp_curl_easy_init.self)
        easyCleanup = unsafeBitCast(try function("curl_easy_cleanup"), to: cp_curl_easy_cleanup.self)
        easyPerform = unsafeBitCast(try function("curl_easy_perform"), to: cp_curl_easy_perform.self)
        easyStrerror = unsafeBitCast(try function("curl_easy_strerror"), to: cp_curl_easy_strerror.self)
        slistAppend = unsafeBitCast(try function("curl_slist_append"), to: cp_curl_slist_append.self)
        slistFreeAll = unsafeBitCast(try function("curl_slist_free_all"), to: cp_curl_slist_free_all.self)
        setopt = Function(address: try function("curl_easy_setopt"))
        getinfo = Function(address: try function("curl_easy_getinfo"))
    }

    private static func missing(_ reason: String) -> TimestampError {
        .libraryMissing(library: "libcurl", package: package, reason: reason)
    }
}

internal import SystemPackage
#if canImport(Glibc)
internal import Glibc
#endif

/// Calls `body` until it does not fail with `EINTR`: its result, or `errno` as an `Errno`
/// when it returns -1 (the convention of the system calls this module wraps).
@inline(__always)
func retrying<Result: BinaryInteger>(_ body: () -> Result) throws(Errno) -> Result {
    while true {
        let result = body()
        if result != -1 { return result }
        let error = Errno(rawValue: errno)
        if error != .interrupted { throw error }
    }
}

/// `body`'s -1 as the `errno` it left, without retrying (calls that must not be repeated,
/// or that do not return `EINTR`).
@inline(__always)
func checked<Result: BinaryInteger>(_ body: () -> Result) throws(Errno) -> Result {
    let result = body()
    if result == -1 { throw Errno(rawValue: errno) }
    return result
}

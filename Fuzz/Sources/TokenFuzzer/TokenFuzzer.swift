import Foundation
import TimestampKit

/// The roots the chain is checked against: the PEM file `CLAIMPACK_FUZZ_ROOTS` names
/// (`scripts/fuzz.sh` gives the local authority's root, which issued the seeds' tokens);
/// without it the chain is not checked.
let roots: [[UInt8]]? = ProcessInfo.processInfo.environment["CLAIMPACK_FUZZ_ROOTS"]
    .flatMap { FileManager.default.contents(atPath: $0) }.map { [[UInt8]($0)] }
/// A digest no input stamps, for the first look.
let otherDigest = [UInt8](repeating: 0xab, count: 32)

/// libFuzzer's entry point: any bytes, as a stored time-stamp token (`data/timestamps/…tsr`),
/// through what `verify` does with one — `TimestampVerifier.inspect` for a digest it does
/// not stamp (the parse, the status, the imprint), then, when it reads, for the digest it
/// does stamp, so that the nonce, key-usage, signature and chain checks run too; and
/// `check` as `timestamp --response` does. A crash, a hang, a leak or an unbounded
/// allocation here is a bug in TimestampKit or in OpenSSL's use.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToken(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let first = TimestampVerifier.inspect(bytes, digest: otherDigest, roots: nil)
    guard let imprint = first.token?.imprint else { return 0 }
    let second = TimestampVerifier.inspect(bytes, digest: imprint, roots: roots)
    if second.problem == nil, second.token == nil { fatalError("a token without a problem must read") }
    _ = try? TimestampVerifier.check(bytes, digest: imprint, nonce: first.token?.nonce)
    return 0
}

/// libFuzzer's driver, which parses the command line and runs the loop.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<target>_main`; here it hands over to libFuzzer.
@_cdecl("TokenFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzToken)
}

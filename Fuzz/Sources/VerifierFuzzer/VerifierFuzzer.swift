import ClaimPack
import Foundation

/// The schemas of the repository this harness lives in.
let schemas = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Schemas")
let verifier = BundleVerifier(schemas: schemas)
/// The verifier reads files; each input is written to this one (the harness's only file).
let inputPath = FileManager.default.temporaryDirectory.appendingPathComponent("claimpack-fuzz-\(getpid()).zip")

/// libFuzzer's entry point: any bytes, as a bundle. A crash, a hang, a leak or an
/// unbounded allocation here is a bug in the verifier.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerifier(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard (try? bytes.write(to: inputPath)) != nil else { return 0 }
    _ = try? verifier.verify(inputPath)
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
@_cdecl("VerifierFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzVerifier)
}

import ClaimPack
import Foundation

/// The repository this harness lives in: its schemas, and its examples' evidence.
let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let reader = ClaimFolderReader(today: CalendarDate(year: 2026, month: 11, day: 21)!)
let builder = BundleBuilder(schemas: repository.appendingPathComponent("Schemas"))
let verifier = BundleVerifier(schemas: repository.appendingPathComponent("Schemas"))

/// One claim folder for every input: the evidence of all the examples (so that the
/// examples' claim.yaml files, the seeds, refer to files that exist), and the input as
/// its claim.yaml. The bundle, when the claim is buildable, goes beside it.
let scratch: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimpack-fuzz-check-\(getpid())")
    let claim = folder.appendingPathComponent("claim")
    try? FileManager.default.removeItem(at: folder)
    let examples = repository.appendingPathComponent("Examples")
    for example in (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [] {
        let evidence = examples.appendingPathComponent(example).appendingPathComponent("evidence")
        guard let files = FileManager.default.enumerator(atPath: evidence.path) else { continue }
        while let path = files.nextObject() as? String {
            let source = evidence.appendingPathComponent(path)
            let target = claim.appendingPathComponent("evidence").appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.copyItem(at: source, to: target)
        }
    }
    return folder
}()
let claimFolder = scratch.appendingPathComponent("claim")
let claimFile = claimFolder.appendingPathComponent("claim.yaml")
let bundle = scratch.appendingPathComponent("bundle.zip")

/// libFuzzer's entry point: any bytes, as a claim.yaml. `check` must answer every input
/// without a crash, a hang or unbounded memory; and every claim it accepts must build
/// into a bundle that `verify` finds intact (DESIGN.md: check and build agree). A build
/// or verification that fails on an accepted claim traps, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard (try? Data(bytes: data, count: size).write(to: claimFile)) != nil else { return 0 }
    guard let report = try? reader.read(folder: claimFolder), report.isBuildable else { return 0 }
    do {
        _ = try builder.build(report, to: bundle, replacing: true)
    } catch {
        fatalError("check accepted a claim that build refuses: \(error)")
    }
    guard let verification = try? verifier.verify(bundle), verification.isIntact else {
        fatalError("check accepted a claim whose bundle does not verify")
    }
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
@_cdecl("CheckFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = scratch
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzCheck)
}

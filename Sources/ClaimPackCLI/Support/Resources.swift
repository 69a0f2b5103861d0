internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// The run-time resources of this executable, or a clean exit (78) saying where they were
/// looked for.
enum Resources {
    static func locate() throws -> ResourceLocation {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        do {
            return try ResourceLocation.locate(executable: executable, environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.error(error.description)
            throw ExitCode.configuration
        }
    }
}

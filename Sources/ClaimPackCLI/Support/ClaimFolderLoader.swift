internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// Reads a claim folder for a command, turning a folder that cannot be read at all into
/// its message and exit status 66.
enum ClaimFolderLoader {
    static func read(_ path: String) throws -> ClaimFolderReport {
        do {
            return try ClaimFolderReader().read(folder: URL(fileURLWithPath: path, isDirectory: true))
        } catch {
            Console.error(error.description)
            throw ExitCode.noInput
        }
    }
}

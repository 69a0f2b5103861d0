internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// Reads a claim folder for a command, turning a folder that cannot be read at all into
/// its message and exit status 66.
enum ClaimFolderLoader {
    /// Reads the folder at `path`, with the law table found beside `templates` (by default
    /// the run-time `Templates/`) giving `response_days` when absent.
    static func read(_ path: String, templates: URL? = nil) throws -> ClaimFolderReport {
        let law: LegalProvisions
        do {
            law = try LegalProvisions(templates: templates ?? Resources.locate().templates)
        } catch let error as ResourceError {
            Console.error(error.description)
            throw ExitCode.configuration
        }
        do {
            return try ClaimFolderReader(law: law).read(folder: URL(fileURLWithPath: path, isDirectory: true))
        } catch {
            Console.error(error.description)
            throw ExitCode.noInput
        }
    }
}

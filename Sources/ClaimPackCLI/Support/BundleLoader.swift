internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// Opens a bundle for a command: verified first; one that does not verify has its findings
/// printed and exits 1, one that cannot be read exits 66.
enum BundleLoader {
    static func open(_ path: String, schemas: URL) throws -> OpenedBundle {
        do {
            return try OpenedBundle.open(URL(fileURLWithPath: path), verifier: BundleVerifier(schemas: schemas))
        } catch {
            report(error)
            if case .cannotRead = error { throw ExitCode.noInput }
            throw ExitCode.problemsFound
        }
    }

    /// Prints why a bundle was refused: its findings, then the error.
    static func report(_ error: BundleError) {
        if case .notIntact(let report) = error {
            JSONReport.capture(report.findings)
            for finding in report.findings { Console.message(finding.description) }
        }
        Console.error(error.description)
    }
}

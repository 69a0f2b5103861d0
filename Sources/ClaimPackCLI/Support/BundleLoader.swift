internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// Opens a bundle for a command: verified first; one that does not verify has its findings
/// printed and exits 1, one that cannot be read exits 66.
enum BundleLoader {
    /// With `readOnly` (a command that only reads the claim), a re-packed ZIP (V130) or an
    /// extracted folder whose content is intact is accepted, with a note on standard error.
    static func open(_ path: String, schemas: URL, readOnly: Bool = false) throws -> OpenedBundle {
        do {
            let opened = try OpenedBundle.open(URL(fileURLWithPath: path), verifier: BundleVerifier(schemas: schemas), readOnly: readOnly)
            switch opened.report.verdict {
            case .repacked:
                Console.message("claimpack: note: \(path.terminalEscaped): the content is intact, the ZIP was re-packed by another tool (V130); read from the sealed content")
            case .extractedFolder:
                Console.message("claimpack: note: \(path.terminalEscaped): an extracted folder; its content is intact (the seal and every digest hold)")
            case .intact, .notIntact:
                break
            }
            return opened
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

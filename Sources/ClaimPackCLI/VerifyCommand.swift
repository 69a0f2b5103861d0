internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack verify BUNDLE`: every finding about a bundle, hostile ones included.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a bundle completely: ZIP, BagIt, manifest, evidence, seal, delivery record.",
        discussion: "Nothing is extracted. Prints the seal it computed and every finding with its code (docs/verification-codes.md). Exit status: 0 intact; 2 content intact, container re-packed by another tool (V130); 1 not intact (at least one error); 66 the file does not exist or cannot be read."
    )

    @Argument(help: "The bundle (.zip).")
    var bundle: String

    @Option(help: "The seal printed on the paper letter (64 hex digits; spaces and case ignored). The bundle must have exactly this seal.")
    var seal: String?

    @Flag(help: "Print the report as JSON on standard output (see docs/json.md).")
    var json = false

    func validate() throws {
        if let seal, SHA256Digest(hex: seal) == nil {
            throw ValidationError("--seal takes the 64 hexadecimal digits of the seal (spaces allowed), not \"\(seal.terminalEscaped)\"")
        }
    }

    func run() throws {
        let resources = try Resources.locate()
        let progress = ProgressBar(label: "verify")
        var verifier = BundleVerifier(schemas: resources.schemas)
        if let progress {
            verifier.progress = { done, total in progress.update(done: done, total: total) }
        }
        let report: VerificationReport
        do throws(VerificationError) {
            report = try verifier.verify(URL(fileURLWithPath: bundle), expectedSeal: seal.flatMap(SHA256Digest.init(hex:)))
            progress?.finish()
        } catch {
            progress?.finish()
            Console.error(error.description)
            throw ExitCode.noInput
        }
        if json {
            Console.json(JSONOutput.encode(VerificationSummary(report, path: bundle)))
        } else {
            Console.result("bundle: \(bundle)")
            Console.result("seal: \(report.seal?.hex ?? "none (manifest.xml is missing or unreadable)")")
            for finding in report.findings { Console.result(finding.description) }
            let errors = report.findings.filter { $0.severity == .error }.count
            switch report.verdict {
            case .intact:
                Console.result("intact: \(report.entryCount) entries checked\(report.findings.isEmpty ? "" : ", \(report.findings.count) warning(s)")")
            case .repacked:
                Console.result("CONTENT INTACT, CONTAINER RE-PACKED: \(report.entryCount) entries checked; every digest and the seal hold, the ZIP was rewritten by another tool")
            case .notIntact:
                Console.result("NOT INTACT: \(errors) error\(errors == 1 ? "" : "s")")
            }
        }
        switch report.verdict {
        case .intact: break
        case .repacked: throw ExitCode.contentIntactRepacked
        case .notIntact: throw ExitCode.problemsFound
        }
    }
}

/// The `verify --json` object.
struct VerificationSummary: Encodable {
    struct Item: Encodable {
        let code: String
        let severity: String
        @NullEncoded var entry: String?
        let message: String
    }

    let bundle: String
    @NullEncoded var seal: String?
    let intact: Bool
    let verdict: String
    let entries: Int
    let findings: [Item]

    init(_ report: VerificationReport, path: String) {
        bundle = path
        seal = report.seal?.hex
        intact = report.isIntact
        verdict = report.verdict.rawValue
        entries = report.entryCount
        findings = report.findings.map { Item(code: $0.code.rawValue, severity: $0.severity.rawValue, entry: $0.entry, message: $0.message) }
    }
}

internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack verify BUNDLE|DIR`: every finding about a bundle or its extracted folder, hostile ones included.
struct VerifyCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a bundle or its extracted folder: ZIP, BagIt, manifest, evidence, seal, record, time stamps.",
        discussion: "Nothing is extracted. Prints the seal it computed, the time and authority of each good time-stamp token, and every finding with its code (docs/verification-codes.md). Exit status: 0 intact; 2 content intact, container re-packed by another tool (V130), or an extracted folder whose content is intact; 1 not intact (at least one error); 66 the file does not exist or cannot be read."
    )

    @Argument(help: "The bundle (.zip), or its extracted folder (the one holding bagit.txt, or the one unzip made around it).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Option(help: "The seal printed on the paper letter (64 hex digits; spaces and case ignored; Cyrillic or Greek look-alikes such as с, е, а are read as c, e, a and said). The bundle must have exactly this seal.")
    var seal: String?

    @Option(name: .customLong("trust"), help: ArgumentHelp("A PEM file of root certificates the time-stamp tokens' authorities must lead to (repeatable); without it, the system's CA store.", valueName: "file.pem"), completion: .file(extensions: ["pem", "crt"]))
    var trust: [String] = []

    @Flag(help: "Print the report as JSON on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if let seal, case .failure(let problem) = SealText.parse(seal) {
            throw ValidationError("--seal: \(problem.description.terminalEscaped)")
        }
    }

    func run() throws {
        let resources = try Resources.locate()
        let progress = ProgressBar(label: "verify")
        var verifier = BundleVerifier(schemas: resources.schemas)
        verifier.trust = try trustedRoots()
        if let progress {
            verifier.progress = { done, total in progress.update(done: done, total: total) }
        }
        let expected = seal.flatMap { try? SealText.parse($0).get() }
        if let note = expected?.note { Console.message("claimpack: note: --seal: \(note)") }
        let report: VerificationReport
        do throws(VerificationError) {
            report = try verifier.verify(URL(fileURLWithPath: bundle), expectedSeal: expected?.digest)
            progress?.finish()
        } catch {
            progress?.finish()
            Console.error(error.description)
            throw ExitCode.noInput
        }
        if json {
            JSONReport.write(VerificationSummary(report, path: bundle, sealGiven: seal != nil))
        } else {
            Console.result("bundle: \(bundle)")
            Console.result("seal: \(report.seal?.hex ?? report.sealAbsence)")
            if expected != nil, !report.findings.contains(where: { $0.code == .sealMismatch }) {
                Console.result("seal matches: the bundle's seal is the one given with --seal")
            }
            for stamp in report.timestamps { Console.result(Self.line(stamp)) }
            for finding in report.findings { Console.result(finding.description) }
            let errors = report.findings.filter { $0.severity == .error }.count
            switch report.verdict {
            case .intact:
                let warnings = report.findings.filter { $0.severity == .warning }.count
                Console.result("intact: \(report.entryCount) entries checked\(warnings == 0 ? "" : ", " + Plural.english(warnings, "warning"))")
            case .repacked:
                Console.result("CONTENT INTACT, CONTAINER RE-PACKED: \(report.entryCount) entries checked; every digest and the seal hold, the ZIP was rewritten by another tool")
            case .extractedFolder:
                let warnings = report.findings.filter { $0.severity == .warning }.count
                Console.result("content intact (an extracted folder): \(report.entryCount) files checked\(warnings == 0 ? "" : ", \(warnings) warning(s)"); every digest and the seal hold (there is no ZIP to judge)")
            case .notIntact:
                Console.result("NOT INTACT: \(Plural.english(errors, "error"))")
            }
        }
        switch report.verdict {
        case .intact: break
        case .repacked, .extractedFolder: throw ExitCode.contentIntactRepacked
        case .notIntact: throw ExitCode.problemsFound
        }
    }

    /// The roots of `--trust`, read; the system's store without it.
    private func trustedRoots() throws -> TimestampTrust {
        guard !trust.isEmpty else { return .system }
        var roots: [[UInt8]] = []
        for path in trust {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular, (attributes?[.size] as? Int ?? .max) <= 1 << 20,
                  let data = FileManager.default.contents(atPath: path) else {
                Console.error("--trust \(path.terminalEscaped): not a readable PEM file (at most 1 MiB)")
                throw ExitCode.noInput
            }
            guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
                Console.error("--trust \(path.terminalEscaped): holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
                throw ExitCode.noInput
            }
            roots.append([UInt8](data))
        }
        return .roots(roots)
    }

    /// `timestamp: data/timestamps/02-host.tsr: the seal existed no later than …, by …`.
    static func line(_ stamp: VerifiedTimestamp) -> String {
        let subject = stamp.anchoredEvents.map { "the delivery record up to event \($0)" } ?? "the seal"
        let trust = switch stamp.trusted {
        case true?: " (trusted root)"
        case false?: " (root not trusted, see V704)"
        case nil: ""
        }
        return "timestamp: \(stamp.path): \(subject) existed no later than \(stamp.time), by \(stamp.authority)\(trust)"
    }
}

/// The `verify --json` object.
struct VerificationSummary: Encodable {
    let bundle: String
    @NullEncoded var seal: String?
    let intact: Bool
    let verdict: String
    let entries: Int
    let findings: [FindingRecord]
    /// With `--seal`: whether the bundle has that seal (a mismatch is also finding V400); else `null`.
    @NullEncoded var sealMatches: Bool?
    let timestamps: [Stamp]

    /// A good time-stamp token.
    struct Stamp: Encodable {
        let path: String
        let time: String
        let authority: String
        let serial: String
        let stamps: String
        @NullEncoded var anchoredEvents: Int?
        @NullEncoded var trusted: Bool?
    }

    init(_ report: VerificationReport, path: String, sealGiven: Bool = false) {
        bundle = path
        seal = report.seal?.hex
        intact = report.isIntact
        verdict = report.verdict.rawValue
        entries = report.entryCount
        timestamps = report.timestamps.map {
            Stamp(path: $0.path, time: $0.time, authority: $0.authority, serial: $0.serial, stamps: $0.subject.rawValue,
                  anchoredEvents: $0.anchoredEvents, trusted: $0.trusted)
        }
        findings = report.findings.map(FindingRecord.init)
        sealMatches = sealGiven ? !report.findings.contains { $0.code == .sealMismatch } : nil
    }
}

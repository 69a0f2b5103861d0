internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack letter BUNDLE|DIR`: the printed kit — letter, inventory, envelope.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Print the kit for registered mail: the letter, printed copies of the evidence, the Form 107 inventory and the envelope (PDF), or the letter as text.",
        discussion: "A claim of kind court is refused: a statement of claim will be made by escalate --to court. From a bundle, the bundle is verified first and a bad one is refused. From a claim folder, check runs first, and the seal printed is the one the bundle built from that folder and date will have. Exit status: 0 written; 1 the claim or bundle has problems; 66 an input cannot be read; 73 the output exists (without --force) or cannot be created."
    )

    @Argument(help: "A bundle (.zip) or a claim folder.")
    var source: String

    @Option(name: .shortAndLong, help: "The file to write (default: <id>-letter.pdf; with --format text, standard output).")
    var output: String?

    @Option(help: "pdf or text.")
    var format: LetterFormat = .pdf

    @Option(help: "A folder of templates read before claimpack's own (made by `claimpack templates copy DIR`; a file it lacks is read from claimpack's).")
    var templates: String?

    @Option(help: "dl, c5, label or none (default: dl for registered mail, none otherwise).")
    var envelope: LetterMaker.Envelope?

    @Option(help: "print (copies of the enclosed evidence after the letter, their sheets counted), list (listed with the sheets claim.yaml gives) or none (only the electronic copy).")
    var attachments: LetterMaker.Attachments = .print

    @Flag(help: "Count two pages a sheet (double-sided printing); each part of the kit starts on a new sheet.")
    var duplex = false

    @Flag(name: .customLong("no-form-119"), help: "Leave out Form 119, the advice of delivery (for a US kit, the PS Form 3811 note).")
    var noForm119 = false

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    enum LetterFormat: String, ExpressibleByArgument {
        case pdf, text
    }

    func run() throws {
        let resources = try Resources.locate()
        let folder = try TemplatesCommand.folder(templates, builtIn: resources.templates)
        let (claim, seal, bundleName, evidence) = try loadClaim(schemas: resources.schemas, templates: folder.lawRoot)
        if claim.kind == .court {
            // A claim letter retitled «ИСКОВОЕ ЗАЯВЛЕНИЕ» is not a statement of claim (ГПК РФ ст. 131–132).
            Console.error("\(source): kind: court — a statement of claim is not a claim letter; it will be made by `claimpack escalate BUNDLE --to court` (a coming command). No letter written.")
            throw ExitCode.problemsFound
        }
        _ = try TemplatesCommand.folder(templates, builtIn: resources.templates, language: claim.language)
        let maker = LetterMaker(templates: folder.user ?? folder.builtIn, fallback: folder.user.map { _ in folder.builtIn })
        let kit: LetterKit
        do throws(LetterError) {
            switch format {
            case .text:
                kit = try maker.textKit(claim: claim, seal: seal, bundleName: bundleName, attachments: attachments,
                                        evidence: evidence, duplex: duplex)
            case .pdf:
                let kind = envelope ?? (claim.delivery.method == .registeredMail ? .dl : LetterMaker.Envelope.none)
                kit = try maker.kit(claim: claim, seal: seal, bundleName: bundleName, envelope: kind, deliveryNotice: !noForm119,
                                    attachments: attachments, evidence: evidence, duplex: duplex)
            }
        } catch {
            if case .templateMistakes(let lines) = error {
                Console.messages(lines)
                Console.error("the templates have \(lines.count == 1 ? "a mistake" : "\(lines.count) mistakes"); no letter written")
            } else {
                Console.error(error.description)
            }
            throw error.isClaimProblem ? ExitCode.problemsFound : ExitCode.configuration
        }
        for warning in kit.warnings { Console.message(warning) }
        let bytes = kit.bytes
        if format == .text, output == nil {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let path = output ?? "\(claim.id)-letter.pdf"
        do {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: path), replacing: force)
        } catch let error as AtomicFile.Failure {
            Console.error(error.description)
            throw ExitCode.cannotCreate
        }
        Console.result("letter: \(path)")
        Console.result("seal: \(seal.hex)")
    }

    /// The claim of `source` (a folder, read with the law table of `templates`, or a bundle),
    /// its seal, the bundle's file name and where its evidence files are read from.
    private func loadClaim(schemas: URL, templates: URL) throws -> (Claim, SHA256Digest, String, EvidenceSource) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue {
            let report = try ClaimFolderLoader.read(source, templates: templates)
            for diagnostic in report.diagnostics where diagnostic.severity == .error { Console.message(diagnostic.description) }
            guard let claim = report.claim, report.isBuildable else {
                Console.error("\(source): \(DiagnosticOutput.summary(report.diagnostics)); no letter written")
                throw ExitCode.problemsFound
            }
            do {
                return (claim, try SealCalculator.seal(of: report), "\(claim.id).zip", .folder(report))
            } catch {
                Console.error(error.description)
                throw ExitCode(error.exitStatus)
            }
        }
        let bundle = try BundleLoader.open(source, schemas: schemas)
        return (bundle.claim, bundle.seal, URL(fileURLWithPath: source).lastPathComponent, .bundle(bundle.url))
    }
}

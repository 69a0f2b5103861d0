internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack letter BUNDLE|DIR`: the printed kit — letter, inventory, envelope.
struct LetterCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Print the kit for registered mail: the letter, printed copies of the evidence, the Form 107 inventory and the envelope (PDF), or the letter as text.",
        discussion: "A claim of kind complaint prints a complaint to a state body; kind court prints a statement of claim with its calculation table (the penalty counted from the day after the earlier claim's answer was due, read from the bundle it follows), and its Form 107, Form 119 and envelope are for the copy sent to the defendant. From a bundle, the bundle is verified first and a bad one is refused. From a claim folder, check runs first, and the seal printed is the one the bundle built from that folder and date will have. Exit status: 0 written; 1 the claim or bundle has problems; 66 an input cannot be read; 69 a library that prints an enclosure (poppler-glib, gdk-pixbuf, libheif) is not installed; 73 the output exists (without --force), is not a letter --force may replace (a PDF; with --format text, a text file), is the input, lies in a claim folder's evidence/ or is a symbolic link, or cannot be created."
    )

    @Argument(help: "A bundle (.zip), its extracted folder (holding bagit.txt), or a claim folder.", completion: .file(extensions: ["zip"]))
    var source: String

    @Option(name: .shortAndLong, help: "The file to write, - for standard output (default: <id>-letter.pdf; with --format text, standard output).", completion: .file())
    var output: String?

    @Option(help: "pdf or text.")
    var format: LetterFormat = .pdf

    @Option(help: "A folder of templates read before claimpack's own (made by `claimpack templates copy DIR`; a file it lacks is read from claimpack's).", completion: .directory)
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

    @OptionGroup var display: DisplayOptions
    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    enum LetterFormat: String, ExpressibleByArgument {
        case pdf, text
    }

    func validate() throws {
        if json, output == "-" {
            throw ValidationError("--json needs -o FILE: with -o - the letter goes to standard output, where the JSON object goes; give a file name, or drop --json")
        }
        if json, format == .text, output == nil {
            throw ValidationError("--json with --format text needs -o FILE: the letter's text would go to standard output")
        }
    }

    func run() throws {
        let resources = try Resources.locate()
        let folder = try TemplatesCommand.folder(templates, builtIn: resources.templates)
        let (claim, seal, bundleName, evidence, opened) = try loadClaim(schemas: resources.schemas, templates: folder.lawRoot)
        _ = try TemplatesCommand.folder(templates, builtIn: resources.templates, language: claim.language)
        let answerDue = claim.kind == .court
            ? earlierAnswerDue(claim, evidence: evidence, opened: opened, schemas: resources.schemas, templates: folder.lawRoot) : nil
        let maker = LetterMaker(templates: folder.user ?? folder.builtIn, fallback: folder.user.map { _ in folder.builtIn })
        let kit: LetterKit
        do throws(LetterError) {
            switch format {
            case .text:
                kit = try maker.textKit(claim: claim, seal: seal, bundleName: bundleName, attachments: attachments,
                                        evidence: evidence, duplex: duplex, answerDue: answerDue)
            case .pdf:
                let kind = envelope ?? (claim.delivery.method == .registeredMail ? .dl : LetterMaker.Envelope.none)
                kit = try maker.kit(claim: claim, seal: seal, bundleName: bundleName, envelope: kind, deliveryNotice: !noForm119,
                                    attachments: attachments, evidence: evidence, duplex: duplex, answerDue: answerDue)
            }
        } catch {
            if case .templateMistakes(let lines) = error {
                Console.messages(lines)
                Console.error("the templates have \(lines.count == 1 ? "a mistake" : "\(lines.count) mistakes"); no letter written")
            } else {
                Console.error(error.description)
            }
            if case .libraryMissing = error { throw ExitCode.unavailable }
            throw error.isClaimProblem ? ExitCode.problemsFound : ExitCode.configuration
        }
        for warning in kit.warnings { Console.message(warning) }
        let bytes = kit.bytes
        if output == "-" || (format == .text && output == nil) {
            FileHandle.standardOutput.write(Data(bytes))
            if format == .pdf { Console.message("seal: \(seal.hex)") }
            return
        }
        let path = output ?? "\(claim.id)-letter.pdf"
        try OutputDestination.require(path, writing: format == .pdf ? .pdf : .text, replacing: force, inputs: [source],
                                      notWritten: "no letter written")
        do {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: path), replacing: force)
        } catch let error as AtomicFile.Failure {
            Console.error(error.description)
            throw ExitCode.cannotCreate
        }
        if json {
            JSONReport.write(LetterSummary(letter: path, type: format.rawValue, bytes: bytes.count, seal: seal.hex,
                                           warnings: kit.warnings))
            return
        }
        Console.result("letter: \(path)")
        Console.result("seal: \(seal.hex)")
    }

    /// The last day the answer to the nearest claim of the chain was due (the statement's
    /// penalty runs from the day after it), or `nil` with a warning when it cannot be read.
    private func earlierAnswerDue(_ claim: Claim, evidence: EvidenceSource, opened: OpenedBundle?, schemas: URL, templates: URL) -> CalendarDate? {
        guard let law = try? LegalProvisions(templates: templates) else { return nil }
        let chain: BundleChain? = switch evidence {
        case .folder(let report): BundleChain(following: claim, folder: report, schemas: schemas, law: law, today: claim.date)
        case .bundle:
            BundleChain(of: opened, schemas: schemas, law: law, today: claim.date)
        }
        guard let due = chain?.claimAnswerDue else {
            Console.message("\(source): warning: the answer date of the claim this statement follows cannot be read from its bundle (not delivered, or no follows:); the calculation has no penalty")
            return nil
        }
        return due
    }

    /// The claim of `source` (a folder, read with the law table of `templates`, or a bundle),
    /// its seal, the bundle's file name, where its evidence files are read from, and the
    /// opened bundle (nil for a folder).
    private func loadClaim(schemas: URL, templates: URL) throws -> (Claim, SHA256Digest, String, EvidenceSource, OpenedBundle?) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue,
           !BundleVerifier.isExtractedBundle(URL(fileURLWithPath: source)) {
            let report = try ClaimFolderLoader.read(source, templates: templates)
            Console.messages(DiagnosticOutput.lines(report.diagnostics.filter { $0.severity == .error }, folder: source))
            guard let claim = report.claim, report.isBuildable else {
                JSONReport.capture(report.diagnostics.filter { $0.severity == .error })
                Console.error("\(source): \(DiagnosticOutput.summary(report.diagnostics)); no letter written")
                throw ExitCode.problemsFound
            }
            do {
                return (claim, try SealCalculator.seal(of: report, schemas: schemas), "\(claim.id).zip", .folder(report), nil)
            } catch {
                Console.error(error.description)
                throw ExitCode(error.exitStatus)
            }
        }
        let bundle = try BundleLoader.open(source, schemas: schemas, readOnly: true)
        // An extracted folder was sent as the bundle's ZIP, named as build names it.
        let name = bundle.report.isExtractedFolder ? "\(bundle.claim.id).zip" : URL(fileURLWithPath: source).lastPathComponent
        return (bundle.claim, bundle.seal, name, .bundle(bundle.url), bundle)
    }
}

/// The `letter --json` object.
struct LetterSummary: Encodable {
    /// The file written.
    let letter: String
    /// `pdf` or `text` (`--format`; `format` is the layout's version).
    let type: String
    let bytes: Int
    /// The seal printed on the letter.
    let seal: String
    /// What the kit could not do as asked (also on standard error).
    let warnings: [String]
}

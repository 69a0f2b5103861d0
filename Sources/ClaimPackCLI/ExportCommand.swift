internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack export BUNDLE --for TARGET -o DIR`: the files a court's e-filing portal (or an
/// e-mail) takes, in a new folder.
struct ExportCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the files a court's e-filing portal or an e-mail takes: the letter and each enclosure as its own text PDF under the target's size limit, the bundle, and a list with sheets and SHA-256.",
        discussion: "The bundle is verified first and a bad one is refused. Targets, their limits and sources are in Templates/export/targets.yaml (docs/export.md); a copy given with --templates is used instead. The output folder must not exist. Exit status: 0 written; 1 the bundle or its claim has problems; 64 an unknown target; 66 the bundle cannot be read; 73 the folder exists or cannot be made; 78 claimpack's templates cannot be read."
    )

    @Argument(help: "The bundle (.zip).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Option(name: .customLong("for"), help: "court-ru, court-ua or email (the keys of Templates/export/targets.yaml).",
            completion: .list(["court-ru", "court-ua", "email"]))
    var target: String

    @Option(name: .shortAndLong, help: "The folder to write; it must not exist.", completion: .directory)
    var output: String

    @Option(help: "A folder of templates read before claimpack's own (made by `claimpack templates copy DIR`; a file it lacks is read from claimpack's).", completion: .directory)
    var templates: String?

    @Flag(help: "Describe what was written as JSON on standard output (see docs/export.md and docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let resources = try Resources.locate()
        // As for `letter`: a missing --templates folder is exit 66, and a file it lacks is
        // read from claimpack's own templates (TemplateFolder).
        let templateFolder = try TemplatesCommand.folder(templates, builtIn: resources.templates)
        let opened = try BundleLoader.open(bundle, schemas: resources.schemas)
        // A statement of claim's penalty runs from the day after the earlier claim's answer
        // was due, read from the bundle it follows (as `letter` does).
        var answerDue: CalendarDate?
        if opened.claim.kind == .court {
            let law = try? LegalProvisions(templates: templateFolder.lawRoot)
            answerDue = law.flatMap { BundleChain(of: opened, schemas: resources.schemas, law: $0, today: opened.claim.date)?.claimAnswerDue }
            if answerDue == nil {
                Console.message("\(bundle): warning: the answer date of the claim this statement follows cannot be read from its bundle (not delivered, or no follows:); the calculation has no penalty")
            }
        }
        try OutputDestination.require(output, writing: .folder, inputs: [bundle])
        let report: ExportReport
        do {
            report = try ClaimExporter(templates: templateFolder).export(
                bundle: opened.url, claim: opened.claim, seal: opened.seal, for: target,
                to: URL(fileURLWithPath: output, isDirectory: true), answerDue: answerDue)
        } catch {
            Console.error(error.description)
            switch error {
            case .rules: throw ExitCode.configuration
            case .unknownTarget: throw ExitCode.usage
            case .outputExists, .cannotWrite: throw ExitCode.cannotCreate
            case .letter(let letter): throw letter.isClaimProblem ? ExitCode.problemsFound : ExitCode.configuration
            }
        }
        Console.messages(report.warnings)
        if !report.target.confirmed {
            Console.message("note: the limits of --for \(report.target.key) were not read in the act's own text (confirmed: false in export/targets.yaml; docs/export.md): check them against the portal before you file")
        }
        if json {
            JSONReport.write(Summary(report, bundle: bundle))
            return
        }
        for file in report.files { Console.result((output as NSString).appendingPathComponent(file.name)) }
    }

    /// The `export --json` object (docs/export.md).
    struct Summary: Encodable {
        struct Target: Encodable {
            let key: String
            let name: String
            let fileLimit: Int
            @NullEncoded var messageLimit: Int?
            let source: String
            let urls: [String]
            let confirmed: Bool
        }

        let bundle: String
        let folder: String
        let target: Target
        let files: [ExportedFile]
        let warnings: [String]

        init(_ report: ExportReport, bundle: String) {
            self.bundle = bundle
            folder = report.folder.path
            let target = report.target
            self.target = Target(key: target.key, name: target.name, fileLimit: target.fileLimit, messageLimit: target.messageLimit,
                                 source: target.source, urls: target.urls, confirmed: target.confirmed)
            files = report.files
            warnings = report.warnings
        }
    }
}

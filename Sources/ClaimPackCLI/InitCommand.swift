internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack init [DIR]`: a new claim folder with a commented `claim.yaml`.
struct InitCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a claim folder with claim.yaml and evidence/.",
        discussion: """
            An existing claim.yaml is never overwritten. Without --language, the language comes from the profile, else LANG (ru, uk, en), else ru. \
            --from starts from a common case (its kind, sector, subject, demands and their bases, the law's answer period). \
            The claimant's name, address, phone and e-mail come from $XDG_CONFIG_HOME/claimpack/profile.yaml (else ~/.config/claimpack/profile.yaml) unless --no-profile. \
            Files already under evidence/ get an entry each, with a <…> title to fill in. \
            Exit status: 0 created; 66 the profile cannot be read or has a mistake; 73 claim.yaml exists or cannot be created; 78 claimpack's templates cannot be read.
            """
    )

    @Argument(help: "The folder to create or fill (default: the current folder).", completion: .directory)
    var folder: String = "."

    @Option(help: "The language of the claim and its letters: ru, uk or en.")
    var language: Language?

    @Option(name: .customLong("from"), help: "Start from a common case: telecom, bank, shop or city-service.")
    var start: StartingPoint.Name?

    @Flag(help: "Do not fill in the claimant from profile.yaml.")
    var noProfile = false

    @OptionGroup var display: DisplayOptions
    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    func run() throws {
        let resources = try Resources.locate()
        let profile = try readProfile()
        let chosen = language ?? profile?.language ?? Self.languageFromEnvironment()
        let target = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            var options = ClaimFolderScaffold.Options(profile: profile)
            if let start {
                options.start = try StartingPoint(start, language: chosen, templates: TemplateFolder(user: nil, builtIn: resources.templates))
                options.law = try LegalProvisions(templates: resources.templates)
            }
            let result = try ClaimFolderScaffold(templates: resources.templates)
                .create(at: target, language: chosen, today: .today(), options: options)
            if json {
                JSONReport.write(InitSummary(folder: folder, claimFile: result.claimFile.path, language: chosen.rawValue,
                                             next: "claimpack check \(folder)"))
                return
            }
            Console.result(result.claimFile.path)
            let described = result.evidenceEntries > 0 ? "; \(result.evidenceEntries) evidence \(result.evidenceEntries == 1 ? "file has" : "files have") an entry with a <…> title to fill in" : ""
            Console.message("created \(Console.path("claim.yaml", in: folder)) (\(chosen.rawValue)\(start.map { ", from \($0.rawValue)" } ?? "")\(profile == nil ? "" : ", claimant from the profile")) and \(Console.path("evidence/", in: folder))\(described); fill in the <…> placeholders, put the evidence files in evidence/, then run: claimpack check \(Console.quoted(folder))")
        } catch let error as ScaffoldError {
            Console.error(error.description)
            throw ExitCode.cannotCreate
        } catch let error as ResourceError {
            Console.error(error.description)
            throw ExitCode.configuration
        }
    }

    /// The profile, unless `--no-profile`; exit 66 naming the file and line when it has a mistake.
    private func readProfile() throws -> ClaimantProfile? {
        guard !noProfile, let file = ClaimantProfile.location(environment: ProcessInfo.processInfo.environment) else { return nil }
        do {
            return try ClaimantProfile.read(file)
        } catch {
            Console.message(error.description)
            Console.error("the profile cannot be used; no claim folder created")
            throw ExitCode.noInput
        }
    }

    /// `uk` for `LANG=uk_UA.UTF-8`, and so on; `ru` when LANG names none of the three.
    static func languageFromEnvironment() -> Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LANG"] ?? ""
        return Language(rawValue: String(locale.prefix(2))) ?? .ru
    }
}

/// The `init --json` object.
struct InitSummary: Encodable {
    /// The folder as given.
    let folder: String
    /// The absolute path of the `claim.yaml` written.
    let claimFile: String
    let language: String
    /// The command to run once the placeholders are filled in.
    let next: String
}

internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack init [DIR]`: a new claim folder with a commented `claim.yaml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a claim folder with a commented claim.yaml and an empty evidence/.",
        discussion: "An existing claim.yaml is never overwritten. Without --language, the language comes from LANG (ru, uk, en), else ru."
    )

    @Argument(help: "The folder to create or fill (default: the current folder).", completion: .directory)
    var folder: String = "."

    @Option(help: "The language of the claim and its letters: ru, uk or en.")
    var language: Language?

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let resources = try Resources.locate()
        let chosen = language ?? Self.languageFromEnvironment()
        let target = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            let result = try ClaimFolderScaffold(templates: resources.templates)
                .create(at: target, language: chosen, today: .today())
            Console.result(result.claimFile.path)
            Console.message("created \(Console.path("claim.yaml", in: folder)) (\(chosen.rawValue)) and \(Console.path("evidence/", in: folder)); fill in the <…> placeholders, put the evidence files in evidence/, then run: claimpack check \(Console.quoted(folder))")
        } catch let error as ScaffoldError {
            Console.error(error.description)
            throw ExitCode.cannotCreate
        } catch let error as ResourceError {
            Console.error(error.description)
            throw ExitCode.configuration
        }
    }

    /// `uk` for `LANG=uk_UA.UTF-8`, and so on; `ru` when LANG names none of the three.
    static func languageFromEnvironment() -> Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LANG"] ?? ""
        return Language(rawValue: String(locale.prefix(2))) ?? .ru
    }
}


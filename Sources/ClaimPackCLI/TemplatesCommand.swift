internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack templates copy DIR`: the built-in templates, copied to edit.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Copy the built-in templates to a folder to edit.",
        subcommands: [Copy.self]
    )

    /// `claimpack templates copy DIR`.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Write the built-in templates (every language, the law table) to a new folder.",
            discussion: "The folder must not exist: nothing is ever written over. Keep only the files you change; the others are read from claimpack's own templates. Exit status: 0 copied; 73 the folder exists or cannot be created; 78 claimpack's templates cannot be found."
        )

        @Argument(help: "The folder to create.", completion: .directory)
        var folder: String

        func run() throws {
            let resources = try Resources.locate()
            let destination = URL(fileURLWithPath: folder, isDirectory: true)
            do {
                try TemplateFolder(user: nil, builtIn: resources.templates).copy(to: destination)
            } catch {
                Console.error(error.description)
                throw ExitCode.cannotCreate
            }
            Console.result(folder)
            Console.message("copied claimpack's templates to \(folder); edit them, then run: claimpack letter CLAIM --templates \(folder)")
        }
    }

    /// The templates a command reads: the `--templates` folder, if given, over claimpack's
    /// own; exit 66 with a plain message when the folder does not exist or, once the claim's
    /// language is known, has no folder for it.
    static func folder(_ option: String?, builtIn: URL, language: Language? = nil) throws -> TemplateFolder {
        let folder = TemplateFolder(user: option.map { URL(fileURLWithPath: $0, isDirectory: true) }, builtIn: builtIn)
        do {
            try folder.validate(language: language)
        } catch {
            Console.error(error.description)
            throw ExitCode.noInput
        }
        return folder
    }
}

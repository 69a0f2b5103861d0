public import Foundation

/// Where the template files are read from: a user's folder (`--templates DIR`) first, then
/// claimpack's own `Templates/` for every file the user's folder does not have — so a folder
/// holding only `ru/letter.mustache` changes the letter and keeps everything else.
///
/// Any file name works (`letter.mustache`, `court.mustache`, `locale.yaml`, …): a file is
/// looked up by its path relative to the folder, never from a fixed list.
public struct TemplateFolder: Sendable, Hashable {
    /// The user's folder, or `nil` for claimpack's own templates alone.
    public let user: URL?
    /// claimpack's own `Templates/`.
    public let builtIn: URL

    public init(user: URL?, builtIn: URL) {
        self.user = user
        self.builtIn = builtIn
    }

    /// The file at `relative` (`ru/letter.mustache`): the user's when it exists, else the
    /// built-in one.
    public func file(_ relative: String) -> URL {
        if let user {
            let candidate = user.appendingPathComponent(relative)
            if TemplateFolder.kind(candidate) == .file { return candidate }
        }
        return builtIn.appendingPathComponent(relative)
    }

    /// The folder that holds `relative` (`ru/authorities.yaml`, `export/targets.yaml`): the
    /// user's when it has that file, else the built-in one — for readers that take a folder.
    public func root(for relative: String) -> URL {
        if let user, TemplateFolder.kind(user.appendingPathComponent(relative)) == .file { return user }
        return builtIn
    }

    /// The folder whose `law/` table is read: the user's when it has one, else the built-in.
    public var lawRoot: URL {
        if let user, TemplateFolder.kind(LegalProvisions.folder(templates: user)) == .folder { return user }
        return builtIn
    }

    /// Checks that the user's folder exists and holds `<language>/`.
    ///
    /// - Throws: `TemplateFolderError` with a plain message (exit status 66 in the CLI).
    public func validate(language: Language?) throws(TemplateFolderError) {
        guard let user else { return }
        switch TemplateFolder.kind(user) {
        case nil: throw .missing(path: user.relativePath)
        case .file: throw .notAFolder(path: user.relativePath)
        case .folder: break
        }
        if let language {
            let folder = user.appendingPathComponent(language.rawValue, isDirectory: true)
            guard TemplateFolder.kind(folder) == .folder else {
                throw .noLanguage(path: user.relativePath, language: language)
            }
        }
    }

    /// Copies the built-in templates (every language, the law table and the authorities) to
    /// `destination`, which must not exist, and writes a `README.md` saying how to use it.
    ///
    /// - Throws: `TemplateFolderError.exists` when `destination` exists (nothing is
    ///   touched), `.cannotCopy` when it cannot be written (what was copied is removed).
    public func copy(to destination: URL) throws(TemplateFolderError) {
        let fileManager = FileManager.default
        if FileStatus(path: destination.path) != nil { throw .exists(path: destination.relativePath) }
        do {
            try fileManager.copyItem(at: builtIn, to: destination)
            let readme = """
                # claimpack templates

                A copy of claimpack's built-in templates, to edit. Use it with
                `claimpack letter CLAIM --templates \(destination.lastPathComponent)`.
                A file you delete here is read from claimpack's own templates again, so you may keep
                only the files you change (`ru/letter.mustache`, `en/locale.yaml`, …).
                The keys a template may use are listed in claimpack's docs/templates.md;
                a misspelt key or an unclosed {{#section}} is reported with its file, line and column.

                """
            try Data(readme.utf8).write(to: destination.appendingPathComponent("README.md"), options: [.withoutOverwriting])
        } catch {
            try? fileManager.removeItem(at: destination)
            throw .cannotCopy(path: destination.relativePath, reason: (error as NSError).localizedDescription)
        }
    }

    private enum Kind { case file, folder }

    /// A file or a folder at `url` (links followed), or `nil` when nothing is there.
    private static func kind(_ url: URL) -> Kind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .folder : .file
    }
}

/// Why a templates folder cannot be used or made.
public enum TemplateFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--templates` names nothing.
    case missing(path: String)
    /// `--templates` names a file.
    case notAFolder(path: String)
    /// The folder has no folder for the claim's language.
    case noLanguage(path: String, language: Language)
    /// `templates copy` would write over an existing file or folder.
    case exists(path: String)
    /// `templates copy` could not write.
    case cannotCopy(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): no such templates folder; make one with `claimpack templates copy \(path)`"
        case .notAFolder(let path):
            "\(path): is a file, not a templates folder; make one with `claimpack templates copy DIR`"
        case .noLanguage(let path, let language):
            "\(path): has no \(language.rawValue)/ folder for this \(language.rawValue) claim; put the files you change in \(path)/\(language.rawValue)/ (the others are read from claimpack's own templates)"
        case .exists(let path):
            "\(path): already exists and is never overwritten; choose a new folder name"
        case .cannotCopy(let path, let reason):
            "\(path): cannot be created (\(reason)); nothing was copied"
        }
    }
}

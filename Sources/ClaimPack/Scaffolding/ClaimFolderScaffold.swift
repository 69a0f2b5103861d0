public import Foundation
internal import Mustache

/// Creates a new claim folder: a commented `claim.yaml` in the chosen language, whose
/// `<…>` placeholders `check` reports until they are filled in, and an empty `evidence/`.
public struct ClaimFolderScaffold: Sendable {
    /// The folder holding `<language>/claim.yaml.mustache`.
    public var templates: URL

    public init(templates: URL) {
        self.templates = templates
    }

    /// What `create` wrote.
    public struct Result: Sendable, Hashable {
        public let claimFile: URL
        public let evidenceFolder: URL
    }

    /// Writes the claim folder at `folder` (created if missing).
    ///
    /// - Throws: `ScaffoldError.claimExists` when `folder/claim.yaml` exists (nothing is
    ///   touched), `.cannotCreate` when a file cannot be written, `ResourceError` when the
    ///   template is missing.
    public func create(at folder: URL, language: Language, today: CalendarDate) throws -> Result {
        let fileManager = FileManager.default
        let claimFile = folder.appendingPathComponent("claim.yaml")
        let evidence = folder.appendingPathComponent("evidence", isDirectory: true)
        if FileStatus(path: claimFile.path) != nil {
            throw ScaffoldError.claimExists(path: claimFile.path)
        }
        let templateFile = templates.appendingPathComponent("\(language.rawValue)/claim.yaml.mustache")
        guard let source = try? String(contentsOf: templateFile, encoding: .utf8) else {
            throw ResourceError.badTemplate(path: templateFile.path, reason: "missing or not UTF-8")
        }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: source)
        } catch {
            throw ResourceError.badTemplate(path: templateFile.path, reason: "\(error)")
        }
        let name = folder.standardizedFileURL.lastPathComponent
        let text = template.render(["id": Identifier.slug(from: name), "date": today.description])
        do {
            try fileManager.createDirectory(at: evidence, withIntermediateDirectories: true)
            // `withoutOverwriting` keeps a claim.yaml created meanwhile by someone else.
            try Data(text.utf8).write(to: claimFile, options: [.withoutOverwriting])
        } catch {
            throw ScaffoldError.cannotCreate(path: claimFile.path, reason: (error as NSError).localizedDescription)
        }
        return Result(claimFile: claimFile, evidenceFolder: evidence)
    }
}

/// Why `claimpack init` wrote nothing.
public enum ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder already has a `claim.yaml`; it is never overwritten.
    case claimExists(path: String)
    /// The folder or file cannot be created.
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .claimExists(let path): "\(path) already exists and is never overwritten; choose another folder"
        case .cannotCreate(let path, let reason): "\(path): cannot be created (\(reason))"
        }
    }
}

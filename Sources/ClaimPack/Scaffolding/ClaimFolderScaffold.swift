public import Foundation
internal import Mustache

/// Creates a new claim folder: a commented `claim.yaml` in the chosen language, whose
/// `<…>` placeholders `check` reports until they are filled in, and an empty `evidence/`.
///
/// With `Options`, the claim starts from a common case (`StartingPoint`: kind, sector,
/// subject, demands and their bases, the law's answer period as a comment), the claimant's
/// details come from the profile (`ClaimantProfile`), and every file already under
/// `evidence/` gets an entry with a `<…>` title to fill in.
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
        /// How many files already under `evidence/` got an entry.
        public let evidenceEntries: Int
    }

    /// What goes into the new `claim.yaml` besides the placeholders.
    public struct Options {
        /// The common case to start from (`init --from`).
        public var start: StartingPoint?
        /// The claimant's details (`profile.yaml`).
        public var profile: ClaimantProfile?
        /// The law table, for the answer period of the starting point's case.
        public var law: LegalProvisions?

        public init(start: StartingPoint? = nil, profile: ClaimantProfile? = nil, law: LegalProvisions? = nil) {
            self.start = start
            self.profile = profile
            self.law = law
        }
    }

    /// Writes the claim folder at `folder` (created if missing).
    ///
    /// - Throws: `ScaffoldError.claimExists` when `folder/claim.yaml` exists (nothing is
    ///   touched), `.cannotCreate` when a file cannot be written, `ResourceError` when the
    ///   template is missing.
    public func create(at folder: URL, language: Language, today: CalendarDate, options: Options = Options()) throws -> Result {
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
        var values = ClaimFolderScaffold.values(language: language, options: options)
        values["id"] = Identifier.slug(from: name)
        values["date"] = today.description
        let entries = ClaimFolderScaffold.evidenceEntries(in: evidence)
        values["evidence"] = entries
        values["hasEvidence"] = !entries.isEmpty
        let text = template.render(values)
        do {
            try fileManager.createDirectory(at: evidence, withIntermediateDirectories: true)
            // `withoutOverwriting` keeps a claim.yaml created meanwhile by someone else.
            try Data(text.utf8).write(to: claimFile, options: [.withoutOverwriting])
        } catch {
            throw ScaffoldError.cannotCreate(path: claimFile.path, reason: (error as NSError).localizedDescription)
        }
        return Result(claimFile: claimFile, evidenceFolder: evidence, evidenceEntries: entries.count)
    }
}

extension ClaimFolderScaffold {
    /// The template's values for the starting point and the profile, each text a quoted
    /// YAML string (`"…"`, escaped), so that no value can break the file.
    static func values(language: Language, options: Options) -> [String: Any] {
        var values: [String: Any] = ["kind": options.start?.kind.rawValue ?? ClaimKind.claim.rawValue]
        if let profile = options.profile {
            var claimant: [String: Any] = [:]
            for (key, value) in [("name", profile.name), ("address", profile.address), ("phone", profile.phone), ("email", profile.email)] {
                if let value { claimant[key] = quoted(value) }
            }
            values["claimant"] = claimant
        }
        if let start = options.start {
            values["subject"] = quoted(start.subject)
            values["sector"] = start.sector.rawValue
            values["respondent"] = quoted(start.respondent)
            values["account"] = quoted(start.account)
            values["event"] = quoted(start.event)
            values["demands"] = start.demands.map { demand -> [String: Any] in
                var entry: [String: Any] = ["text": quoted(demand.text)]
                if let basis = demand.basis { entry["basis"] = quoted(basis) }
                return entry
            }
            if let law = options.law {
                let provision = law.provision(jurisdiction: .default(for: language), sector: start.sector, kind: start.kind, language: language)
                var row: [String: Any] = ["citation": provision.citation]
                if let period = provision.periodText, !period.isEmpty { row["period"] = period }
                values["law"] = row
            }
        }
        return values
    }

    /// An entry for every file under `evidence/` (hidden files left out), in path order:
    /// an id made from the file name, the path, and the file name for the title placeholder.
    static func evidenceEntries(in evidence: URL) -> [[String: Any]] {
        guard let walker = FileManager.default.enumerator(at: evidence, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = url.standardizedFileURL.path.dropFirst(evidence.standardizedFileURL.path.count)
                .drop { $0 == "/" }
            paths.append("evidence/" + relative)
        }
        var used: Set<String> = []
        return paths.sorted().map { path -> [String: Any] in
            let file = URL(fileURLWithPath: path)
            let base = Identifier.slug(from: file.deletingPathExtension().lastPathComponent, fallback: "file")
            var id = base, counter = 2
            while used.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
            used.insert(id)
            let name = quoted(file.lastPathComponent)
            return ["id": id, "file": quoted(path), "name": String(name.dropFirst().dropLast())]
        }
    }

    /// `text` as a double-quoted YAML string.
    static func quoted(_ text: String) -> String { ClaimYAMLWriter.quoted(text) }
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

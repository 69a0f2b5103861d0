internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack escalate BUNDLE --to complaint|court`: the next step's claim folder.
struct EscalateCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Draft the complaint to a regulator or the statement of claim to a court from a claim bundle.",
        discussion: """
            Writes a new claim folder (default: <id>-complaint or <id>-court beside the bundle) whose claim.yaml cites \
            the bundle by its seal (follows:) and whose evidence/ holds the bundle byte for byte and its delivery proofs. \
            Values only you can decide are <…> placeholders that 'claimpack check' reports until they are filled in. \
            Refused while the answer period has not run out and no answer is recorded, unless --anyway. \
            Exit status: 0 written; 1 the bundle does not verify, or the step is early; 64 bad usage; 66 the bundle cannot \
            be read; 73 the folder exists or cannot be created; 78 the templates cannot be read.
            """
    )

    /// The steps `--to` takes.
    enum Step: String, ExpressibleByArgument, CaseIterable {
        case complaint, court
    }

    @Argument(help: "The bundle (.zip) of the earlier claim.", completion: .file(extensions: ["zip"]))
    var bundle: String?

    @Option(help: "The next step: complaint (to a regulator or ombudsman) or court.")
    var to: Step?

    @Option(name: .shortAndLong, help: "The claim folder to write (default: <id>-complaint or <id>-court beside the bundle).", completion: .directory)
    var output: String?

    @Option(help: "The authority of a complaint, by its key (default: the sector's; see --list-authorities).")
    var authority: String?

    @Option(help: "The day to judge the answer period on, and the new claim's date (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Flag(help: "Draft the step even though the answer period has not run out.")
    var anyway = false

    @Flag(help: "Print the authorities of Templates/<lang>/authorities.yaml and exit.")
    var listAuthorities = false

    @Option(help: "The language of --list-authorities (ru, uk, en; default: all).", completion: .list(Language.allCases.map(\.rawValue)))
    var language: String?

    @Option(help: "A folder of templates read before claimpack's own (made by `claimpack templates copy DIR`; a file it lacks is read from claimpack's).", completion: .directory)
    var templates: String?

    @OptionGroup var display: DisplayOptions
    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    func validate() throws {
        if listAuthorities { return }
        guard bundle != nil else { throw ValidationError("give the bundle to escalate") }
        guard to != nil else { throw ValidationError("give --to complaint or --to court") }
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of takes YYYY-MM-DD, not \"\(asOf)\"") }
        if output == "-" { throw ValidationError("-o -: escalate writes a claim folder, not a stream; give the folder's name") }
        if to == .court, authority != nil { throw ValidationError("--authority goes with --to complaint") }
        if let language, Language(rawValue: language) == nil { throw ValidationError("--language takes ru, uk or en") }
    }

    func run() throws {
        let resources = try Resources.locate()
        // As for `letter`: a missing --templates folder is exit 66, and a file it lacks is
        // read from claimpack's own templates (TemplateFolder).
        let templateFolder = try TemplatesCommand.folder(templates, builtIn: resources.templates)
        if listAuthorities {
            try printAuthorities(templates: templateFolder)
            return
        }
        guard let bundle, let to else { throw ExitCode.usage }
        let opened = try BundleLoader.open(bundle, schemas: resources.schemas)
        let claim = opened.claim
        let law: LegalProvisions
        let authorities: Authorities
        do {
            law = try LegalProvisions(templates: templateFolder.lawRoot)
            authorities = try Authorities(templates: templateFolder.root(for: Authorities.path(claim.language)), language: claim.language)
        } catch let error as any CustomStringConvertible {
            Console.error(error.description)
            throw ExitCode.configuration
        }
        var chosen: Authority?
        if to == .complaint {
            if let key = authority {
                guard let found = authorities.authority(key: key) else {
                    Console.error(EscalationError.unknownAuthority(key: key, known: authorities.all.map(\.key)).description)
                    throw ExitCode.usage
                }
                chosen = found
            } else if let sector = claim.respondent.sector {
                chosen = authorities.defaultAuthority(jurisdiction: claim.jurisdiction, sector: sector)
            }
            if chosen == nil {
                Console.message("claimpack: warning: no authority for \(claim.jurisdiction.rawValue)/\(claim.respondent.sector?.rawValue ?? "no sector") in \(claim.language.rawValue)/authorities.yaml; the addressee is left as a placeholder (give --authority KEY)")
            }
        }
        let asOfDate = asOf.flatMap(CalendarDate.init(iso:)) ?? CalendarDate.today()
        var escalation = ClaimEscalation(bundle: opened, to: to == .court ? .court : .complaint, law: law,
                                         authority: chosen, asOf: asOfDate)
        if opened.claim.kind != .claim {
            escalation.firstClaimAnswerDue = BundleChain(of: opened, schemas: resources.schemas, law: law, today: asOfDate).claimAnswerDue
        }
        let earlyReason = escalation.earlyReason(bundleShown: Console.quoted(bundle))
        if let reason = earlyReason, !anyway {
            Console.error(EscalationError.early(reason).description)
            throw ExitCode.problemsFound
        }
        let bundleURL = URL(fileURLWithPath: bundle)
        let draft: EscalationDraft
        do {
            draft = try escalation.draft(bundleFileName: bundleURL.lastPathComponent)
        } catch {
            Console.error("\(bundle): \(error.description)")
            throw ExitCode.problemsFound
        }
        // Only once there is a draft: never "drafted anyway" before an error.
        if let reason = earlyReason { Console.message("claimpack: note: \(reason); drafted anyway (--anyway)") }
        let target = output.map { URL(fileURLWithPath: $0) }
            ?? bundleURL.deletingLastPathComponent().appendingPathComponent(draft.id)
        try OutputDestination.require(target.path, writing: .folder, inputs: [bundle])
        do {
            try EscalationFolderWriter().write(draft, from: bundleURL, to: target)
        } catch {
            Console.error(error.description)
            throw ExitCode.cannotCreate
        }
        // The folder as the user would type it: beside the bundle as the bundle was given.
        let folderShown = output ?? ((bundle as NSString).deletingLastPathComponent.isEmpty
            ? draft.id : (bundle as NSString).deletingLastPathComponent + "/" + draft.id)
        if json {
            JSONReport.write(EscalationSummary(folder: folderShown, draft: draft, follows: opened))
            return
        }
        Console.result("folder: \(folderShown)")
        Console.result("follows: \(claim.id) (seal \(opened.seal.hex))")
        if let authority = draft.authority { Console.result("to: \(authority.name) [\(authority.key)]") }
        Console.result("next: fill in every <…> (claimpack check \(Console.quoted(folderShown)) lists them), then: claimpack build \(Console.quoted(folderShown))")
    }

    private func printAuthorities(templates: TemplateFolder) throws {
        let languages = language.flatMap(Language.init(rawValue:)).map { [$0] } ?? Language.allCases
        var listed: [AuthorityListing.Row] = []
        for language in languages {
            let authorities: Authorities
            do {
                authorities = try Authorities(templates: templates.root(for: Authorities.path(language)), language: language)
            } catch {
                Console.error(error.description)
                throw ExitCode.configuration
            }
            listed += authorities.all.map { AuthorityListing.Row($0, language: language) }
            for row in authorities.all where !json {
                let sectors = row.sectors.isEmpty ? "" : " default for " + row.sectors.map(\.rawValue).joined(separator: ", ")
                Console.result("\(language.rawValue)  \(row.key.padding(toLength: 20, withPad: " ", startingAt: 0)) \(row.jurisdiction.rawValue)\(sectors)")
                Console.result("    \(row.name)")
                Console.result("    \(row.address)\(row.web.map { "; \($0)" } ?? "")")
                if !row.confirmed { Console.result("    not confirmed: \(row.notes ?? "")") }
            }
        }
        if json { JSONReport.write(AuthorityListing(authorities: listed)) }
    }
}

/// The `escalate --json` object of a drafted step.
struct EscalationSummary: Encodable {
    /// The bundle the new claim follows.
    struct Follows: Encodable {
        let id: String
        let seal: String
    }

    struct Addressee: Encodable {
        let key: String
        let name: String
    }

    /// The folder written, as `claimpack check` takes it.
    let folder: String
    /// The new claim's id and kind (`complaint` or `court`).
    let id: String
    let kind: String
    let follows: Follows
    /// The authority a complaint goes to; `null` for court or when none was found.
    @NullEncoded var authority: Addressee?
    let next: String

    init(folder: String, draft: EscalationDraft, follows bundle: OpenedBundle) {
        self.folder = folder
        id = draft.id
        kind = draft.kind.rawValue
        follows = Follows(id: bundle.claim.id, seal: bundle.seal.hex)
        authority = draft.authority.map { Addressee(key: $0.key, name: $0.name) }
        next = "claimpack check \(Console.quoted(folder))"
    }
}

/// The `escalate --list-authorities --json` object.
struct AuthorityListing: Encodable {
    struct Row: Encodable {
        let language: String
        let key: String
        let jurisdiction: String
        /// The sectors it is the default authority for.
        let sectors: [String]
        let name: String
        let address: String
        @NullEncoded var web: String?
        let confirmed: Bool
        @NullEncoded var notes: String?

        init(_ authority: Authority, language: Language) {
            self.language = language.rawValue
            key = authority.key
            jurisdiction = authority.jurisdiction.rawValue
            sectors = authority.sectors.map(\.rawValue)
            name = authority.name
            address = authority.address
            web = authority.web
            confirmed = authority.confirmed
            notes = authority.notes
        }
    }

    let authorities: [Row]
}

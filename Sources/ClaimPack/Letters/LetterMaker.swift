public import Foundation
internal import Mustache

/// Makes the printed kit of a claim from the templates of its language: the letter, the
/// inventory of the envelope (Form 107) for registered mail, and the envelope or label —
/// as one A4 PDF with embedded fonts — or the letter alone as plain text.
public struct LetterMaker: Sendable {
    /// The folder holding `<language>/letter.mustache`, `inventory.mustache`,
    /// `envelope.mustache` and `locale.yaml` (`Templates/`, or a user's copy).
    public var templates: URL
    /// Where a file missing from `templates` is read from (claimpack's own `Templates/`
    /// when `templates` is a user's folder); `nil`: every file must be in `templates`.
    public var fallback: URL?

    /// Looks each file up in `templates`, then in `fallback`.
    var folder: TemplateFolder {
        fallback.map { TemplateFolder(user: templates, builtIn: $0) } ?? TemplateFolder(user: nil, builtIn: templates)
    }

    /// What goes on the last page: an envelope of a standard size, an address label, or nothing.
    public enum Envelope: String, Sendable, CaseIterable {
        case dl, c5, label, none
    }

    public init(templates: URL, fallback: URL? = nil) {
        self.templates = templates
        self.fallback = fallback
    }

    /// The PDF of the kit with the evidence listed, not printed (`kit` with `.list`). Its
    /// creation date is the claim's date, so the same claim gives the same bytes.
    ///
    /// The letter is laid out first, so that Form 107 can name it with its real sheet count;
    /// then Form 107 twice and Form 119 where the post of the claim's country has them
    /// (`PostForms`), then the envelope.
    /// - Parameter deliveryNotice: false leaves out Form 119 (and a US kit's PS 3811 note).
    /// - Throws: `LetterError.enclosures` when an enclosed file has no title or no sheet count.
    public func pdf(claim: Claim, seal: SHA256Digest, bundleName: String, envelope: Envelope,
                    deliveryNotice: Bool = true) throws(LetterError) -> [UInt8] {
        try kit(claim: claim, seal: seal, bundleName: bundleName, envelope: envelope, deliveryNotice: deliveryNotice,
                attachments: .list, evidence: nil).bytes
    }

    /// The letter as plain UTF-8 text, the evidence listed with the sheets `claim.yaml` gives.
    /// - Throws: `LetterError.enclosures` when an enclosed file has no title or no sheet count.
    public func text(claim: Claim, seal: SHA256Digest, bundleName: String) throws(LetterError) -> String {
        let kit = try textKit(claim: claim, seal: seal, bundleName: bundleName, attachments: .list, evidence: nil)
        return String(decoding: kit.bytes, as: UTF8.self)
    }

    /// Refuses a claim whose enclosures cannot be described as what they are.
    func checkEnclosures(_ claim: Claim, bundleName: String, attachments: Attachments) throws(LetterError) {
        let problems = Enclosure.list(for: claim, bundleName: bundleName, copies: attachments).problems
        if !problems.isEmpty { throw .enclosures(problems.map(\.description)) }
    }

    func locale(_ language: Language) throws(LetterError) -> LocaleWording {
        do { return try LocaleWording(folder: folder, language: language) } catch { throw .template(error.description) }
    }

    /// A template checked, rendered and read as blocks.
    ///
    /// - Parameter known: the context before empty values were dropped, against which every
    ///   name the template uses is checked (`TemplateChecker`); `nil` checks the syntax only.
    /// - Throws: `LetterError.templateMistakes` with each mistake at its line and column.
    func blocks(_ name: String, _ language: Language, _ values: [String: Any],
                known: [String: Any]? = nil) throws(LetterError) -> [LetterBlock] {
        let relative = "\(language.rawValue)/\(name).mustache"
        let file = folder.file(relative)
        guard let source = try? String(contentsOf: file, encoding: .utf8) else {
            throw .template("\(file.path): missing or not UTF-8")
        }
        let checker = TemplateChecker(name: relative, source: source)
        let problems: [TemplateChecker.Problem]
        do {
            if let known {
                problems = try checker.unknownNames(in: known, vocabulary: TemplateChecker.vocabulary(of: folder.builtIn))
            } else {
                _ = try checker.tags(); problems = []
            }
        } catch {
            problems = [error]
        }
        if !problems.isEmpty { throw .templateMistakes(problems.map(\.description)) }
        let rendered: String
        do {
            rendered = try MustacheTemplate(string: source).render(values)
        } catch let error as MustacheTemplate.ParserError {
            throw .templateMistakes(["\(relative):\(error.context.lineNumber):\(error.context.columnNumber): error: \(LetterMaker.plain(error.error))"])
        } catch {
            throw .template("\(relative): \(error)")
        }
        do {
            return try LetterMarkup.parse(rendered)
        } catch {
            throw .template("\(file.path) (as rendered): \(error.description)")
        }
    }

    /// swift-mustache's parser error in words.
    private static func plain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed by another name"
        case .unfinishedName: "a tag is not closed"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "a {{= =}} tag does not set delimiters"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "a {{% }} tag is not {{% CONTENT_TYPE: TEXT}}"
        default: "\(error)"
        }
    }

    /// The template of the letter itself for a kind: `letter` (a claim to the company),
    /// `complaint` (to a state body or an ombudsman), `court` (a statement of claim).
    static func templateName(for kind: ClaimKind) -> String {
        switch kind {
        case .claim: "letter"
        case .complaint: "complaint"
        case .court: "court"
        }
    }

    /// The template a claim is printed with: its kind's, or `letter` for a complaint when an
    /// older templates copy (`--templates`) has `letter.mustache` and no `complaint.mustache`
    /// (its letter template still has the complaint's wording); a folder that overrides
    /// neither gets the built-in `complaint.mustache`. A statement of claim has no such fallback.
    func letterTemplate(for claim: Claim) -> String {
        let name = LetterMaker.templateName(for: claim.kind)
        let language = claim.language.rawValue
        if claim.kind == .complaint {
            // An older copy has letter.mustache and no complaint.mustache: its letter is meant.
            let own = templates.appendingPathComponent("\(language)/\(name).mustache")
            let ownLetter = templates.appendingPathComponent("\(language)/letter.mustache")
            if !FileManager.default.fileExists(atPath: own.path),
               fallback == nil || FileManager.default.fileExists(atPath: ownLetter.path) { return "letter" }
        }
        return name
    }

    /// The money of a statement of claim, or `nil` for another kind.
    func calculation(_ claim: Claim, answerDue: CalendarDate?) throws(LetterError) -> CourtCalculation? {
        guard claim.kind == .court else { return nil }
        let law: LegalProvisions
        do { law = try LegalProvisions(templates: folder.lawRoot) } catch { throw .template(error.description) }
        do { return try CourtCalculation(claim: claim, answerDue: answerDue, law: law) } catch { throw .calculation(error.description) }
    }

    /// Blocks split at each `::page`.
    func split(_ blocks: [LetterBlock]) -> [[LetterBlock]] {
        var sections: [[LetterBlock]] = [[]]
        for block in blocks {
            if block.role == .page {
                if !(sections.last?.isEmpty ?? true) { sections.append([]) }
            } else {
                sections[sections.count - 1].append(block)
            }
        }
        return sections.filter { !$0.isEmpty }
    }
}

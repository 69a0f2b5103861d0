public import Foundation
internal import Mustache
internal import PDFRendering

/// Makes the printed kit of a claim from the templates of its language: the letter, the
/// inventory of the envelope (Form 107) for registered mail, and the envelope or label —
/// as one A4 PDF with embedded fonts — or the letter alone as plain text.
public struct LetterMaker: Sendable {
    /// The folder holding `<language>/letter.mustache`, `inventory.mustache`,
    /// `envelope.mustache` and `locale.yaml` (`Templates/`, or a user's copy).
    public var templates: URL

    /// What goes on the last page: an envelope of a standard size, an address label, or nothing.
    public enum Envelope: String, Sendable, CaseIterable {
        case dl, c5, label, none
    }

    public init(templates: URL) {
        self.templates = templates
    }

    /// The PDF. Its creation date is the claim's date, so the same claim gives the same bytes.
    ///
    /// The letter is laid out first, so that Form 107 can name it with its real sheet count;
    /// then Form 107 twice and Form 119 where the post of the claim's country has them
    /// (`PostForms`), then the envelope.
    /// - Parameter deliveryNotice: false leaves out Form 119 (and a US kit's PS 3811 note).
    /// - Throws: `LetterError.enclosures` when an enclosed file has no title or no sheet count.
    public func pdf(claim: Claim, seal: SHA256Digest, bundleName: String, envelope: Envelope,
                    deliveryNotice: Bool = true) throws(LetterError) -> [UInt8] {
        let wording = try locale(claim.language)
        try checkEnclosures(claim, bundleName: bundleName)
        let context = LetterContext(claim: claim, seal: seal, bundleName: bundleName, wording: wording)
        var values = context.values()
        let canvas: PDFCanvas
        do {
            canvas = try PDFCanvas(metadata: .init(title: claim.subject, author: claim.claimant.name,
                                                   creationDate: "\(claim.date)T00:00:00"))
        } catch {
            throw .rendering(error.description)
        }
        let renderer = LetterPDFRenderer(canvas: canvas)
        renderer.startSection()
        renderer.render(try blocks("letter", claim.language, values))
        let forms = PostForms(claim: claim, deliveryNotice: deliveryNotice)
        let formValues = LetterContext.prune(context.formValues(letterSheets: renderer.pageInSection, forms: forms)) as? [String: Any] ?? [:]
        values.merge(formValues) { $1 }
        // Each copy of a form starts its own section (and page).
        var forms107And119: [String] = []
        if forms.inventory { forms107And119.append("inventory") }
        if forms.deliveryNotice || forms.returnReceiptNote { forms107And119.append("form119") }
        for name in forms107And119 {
            for section in split(try blocks(name, claim.language, values)) {
                renderer.startSection()
                renderer.render(section)
            }
        }
        if let size = PageGeometry.envelope(envelope) {
            renderer.startSection(size: size, envelope: true)
            renderer.render(try blocks("envelope", claim.language, values))
        }
        do { return try canvas.finish() } catch { throw .rendering(error.description) }
    }

    /// The letter as plain UTF-8 text.
    /// - Throws: `LetterError.enclosures` when an enclosed file has no title or no sheet count.
    public func text(claim: Claim, seal: SHA256Digest, bundleName: String) throws(LetterError) -> String {
        let wording = try locale(claim.language)
        try checkEnclosures(claim, bundleName: bundleName)
        let values = LetterContext(claim: claim, seal: seal, bundleName: bundleName, wording: wording).values()
        return LetterTextRenderer.render(try blocks("letter", claim.language, values))
    }

    /// Refuses a claim whose enclosures cannot be described as what they are.
    private func checkEnclosures(_ claim: Claim, bundleName: String) throws(LetterError) {
        let problems = Enclosure.list(for: claim, bundleName: bundleName).problems
        if !problems.isEmpty { throw .enclosures(problems.map(\.description)) }
    }

    private func locale(_ language: Language) throws(LetterError) -> LocaleWording {
        do { return try LocaleWording(templates: templates, language: language) } catch { throw .template(error.description) }
    }

    /// A template rendered and read as blocks.
    func blocks(_ name: String, _ language: Language, _ values: [String: Any]) throws(LetterError) -> [LetterBlock] {
        let file = templates.appendingPathComponent("\(language.rawValue)/\(name).mustache")
        guard let source = try? String(contentsOf: file, encoding: .utf8) else {
            throw .template("\(file.path): missing or not UTF-8")
        }
        let rendered: String
        do {
            rendered = try MustacheTemplate(string: source).render(values)
        } catch {
            throw .template("\(file.path): \(error)")
        }
        do {
            return try LetterMarkup.parse(rendered)
        } catch {
            throw .template("\(file.path) (as rendered): \(error.description)")
        }
    }

    /// Blocks split at each `::page`.
    private func split(_ blocks: [LetterBlock]) -> [[LetterBlock]] {
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

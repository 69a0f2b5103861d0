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
    public func pdf(claim: Claim, seal: SHA256Digest, bundleName: String, envelope: Envelope) throws(LetterError) -> [UInt8] {
        let wording = try locale(claim.language)
        let values = LetterContext(claim: claim, seal: seal, bundleName: bundleName, wording: wording).values()
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
        if claim.delivery.method == .registeredMail {
            // Each copy of the inventory starts its own section (and page).
            for section in split(try blocks("inventory", claim.language, values)) {
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
    public func text(claim: Claim, seal: SHA256Digest, bundleName: String) throws(LetterError) -> String {
        let wording = try locale(claim.language)
        let values = LetterContext(claim: claim, seal: seal, bundleName: bundleName, wording: wording).values()
        return LetterTextRenderer.render(try blocks("letter", claim.language, values))
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

/// Why no letter was made.
public enum LetterError: Error, Sendable, CustomStringConvertible {
    /// A template is missing, does not parse, or renders to markup that is not valid.
    case template(String)
    /// Cairo or Pango failed.
    case rendering(String)

    public var description: String {
        switch self {
        case .template(let message): "template: \(message)"
        case .rendering(let message): "rendering: \(message)"
        }
    }
}

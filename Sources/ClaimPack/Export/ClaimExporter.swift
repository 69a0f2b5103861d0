public import Foundation
internal import Crypto
internal import FileIO
internal import PDFRendering
internal import SystemPackage

/// Writes the files a court's e-filing portal (or an e-mail) takes from a verified bundle,
/// into a new folder: the letter as its own text PDF; each enclosed evidence file's printed
/// copy — the very pages of the kit, without Form 107 and the envelope — as its own PDF,
/// split into numbered parts where it is larger than the target takes; the bundle byte for
/// byte; and a list of them with their sheets and SHA-256.
///
/// Files are named `NN Title (N л.).pdf` in the claim's language: `00` the letter, then each
/// enclosure by its attachment number. The folder is made beside the destination under a
/// hidden name and renamed into place when complete, so a failed export leaves nothing.
public struct ClaimExporter: Sendable {
    /// The templates: a user's folder first, then claimpack's own (the letter's templates
    /// and `export/targets.yaml`).
    public var templates: TemplateFolder

    public init(templates: TemplateFolder) {
        self.templates = templates
    }

    /// Exports the bundle at `bundle` (verified by the caller) for `targetKey` into the new
    /// folder `destination`.
    /// - Parameters:
    ///   - claim: the bundle's claim; `seal`: its seal.
    /// - Throws: `ExportError`: the rules file or target, an existing destination, a file
    ///   that cannot be written, or a letter or copy that cannot be made.
    public func export(bundle: URL, claim: Claim, seal: SHA256Digest, for targetKey: String,
                       to destination: URL, answerDue: CalendarDate? = nil) throws(ExportError) -> ExportReport {
        let rulesRoot = templates.root(for: "export/targets.yaml")
        let rules = try ExportRules.load(templates: rulesRoot)
        let target = try rules.target(targetKey)
        guard let naming = rules.languages[claim.language] else {
            throw .rules("\(ExportRules.file(in: rulesRoot).path): languages: has no \(claim.language.rawValue); add it")
        }
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination.path) || (try? fileManager.destinationOfSymbolicLink(atPath: destination.path)) != nil {
            throw .outputExists(destination.path)
        }
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotWrite("\(destination.path): cannot be made (\((error as NSError).localizedDescription)); the folder it goes in must exist and be writable")
        }
        var complete = false
        defer { if !complete { try? fileManager.removeItem(at: staging) } }

        let bundleName = bundle.lastPathComponent
        var writer = ExportWriter(folder: staging, target: target)
        let maker = LetterMaker(templates: templates.user ?? templates.builtIn, fallback: templates.user.map { _ in templates.builtIn })
        let prepared: LetterMaker.Prepared
        do {
            prepared = try maker.prepare(claim: claim, seal: seal, bundleName: bundleName, attachments: .print,
                                         evidence: .bundle(bundle), duplex: false, canvas: nil,
                                         answerDue: answerDue)
        } catch {
            throw .letter(error)
        }
        writer.warnings += prepared.warnings

        let (letter, letterPages) = try letterPDF(maker: maker, claim: claim, prepared: prepared)
        let document = naming.documents[claim.kind.rawValue] ?? claim.kind.rawValue
        try writer.write(letter, name: naming.fileName(number: 0, title: document, sheets: letterPages, limit: rules.nameLimit),
                         kind: .letter, sheets: letterPages)

        let enclosures = prepared.context.enclosures
        for copy in prepared.copies {
            let parts = try split(copy, enclosures: enclosures, claim: claim, seal: seal, bundle: bundle,
                                  wording: prepared.wording, limit: target.fileLimit)
            for (index, part) in parts.enumerated() {
                let numbered = parts.count > 1 ? (part: index + 1, parts: parts.count) : nil
                let name = naming.fileName(number: copy.enclosure.number, title: copy.enclosure.title, part: numbered,
                                           sheets: part.pages.count, limit: rules.nameLimit)
                try writer.write(part.bytes, name: name, kind: .enclosure, attachment: copy.enclosure.number,
                                 part: numbered, sheets: part.pages.count)
            }
            if parts.count > 1 {
                writer.warnings.append("\(copy.path): warning: its copy of \(copy.pages) pages is larger than the \(target.fileLimit) bytes a file \(target.name) takes; written in \(parts.count) parts")
            }
        }
        try writer.copy(bundle, name: PortableName.portable(component: bundleName))
        if let limit = target.messageLimit {
            let messages = writer.messageCount(limit: limit)
            if messages > 1 {
                writer.notes.append(ExportNaming.fill(naming.messages, ["limit": String(limit), "count": String(messages)]))
                writer.warnings.append("warning: the files together are larger than \(limit) bytes, the most one message takes: send them in \(messages) messages")
            }
        }
        try writer.writeList(naming: naming, claim: claim, seal: seal, bundleName: bundleName)

        do throws(Errno) {
            try Paths.rename(staging.path, to: destination.path)
        } catch {
            throw .cannotWrite("\(destination.path): cannot be made (\(error.description))")
        }
        complete = true
        return ExportReport(folder: destination, target: target, files: writer.files, warnings: writer.warnings)
    }

    /// The letter alone, as the kit lays it out, and its pages.
    private func letterPDF(maker: LetterMaker, claim: Claim, prepared: LetterMaker.Prepared) throws(ExportError) -> ([UInt8], Int) {
        do throws(LetterError) {
            let canvas = try canvas(title: claim.subject, claim: claim)
            let renderer = LetterPDFRenderer(canvas: canvas)
            renderer.startSection()
            renderer.render(try maker.letterBlocks(claim, prepared.context.values()))
            let pages = renderer.pageInSection
            do { return (try canvas.finish(), pages) } catch { throw LetterError.rendering(error.description) }
        } catch {
            throw .letter(error)
        }
    }

    /// A part of a copy: its pages (from 0) and its PDF.
    struct Part {
        var pages: Range<Int>
        var bytes: [UInt8]
    }

    /// The copy as one PDF, or — when that is larger than `limit` — as the fewest parts of
    /// nearly equal page counts that each fit (a single page that does not fit stays one
    /// part, and is reported as over the limit when written).
    ///
    /// An image is never split: its pages show bands of one image the PDF holds once, and
    /// every part would hold it whole again.
    func split(_ copy: EvidenceCopy, enclosures: [Enclosure], claim: Claim, seal: SHA256Digest, bundle: URL,
               wording: LocaleWording, limit: Int) throws(ExportError) -> [Part] {
        func render(_ pages: Range<Int>) throws(ExportError) -> [UInt8] {
            do throws(LetterError) {
                let canvas = try canvas(title: copy.enclosure.title, claim: claim)
                let printer = EvidencePrinter(canvas: canvas, source: .bundle(bundle), claim: claim, seal: seal, wording: wording)
                try printer.render(copy, enclosures: enclosures, only: pages)
                do { return try canvas.finish() } catch { throw LetterError.rendering(error.description) }
            } catch {
                throw .letter(error)
            }
        }
        let whole = try render(0..<copy.pages)
        if case .image = copy.content { return [Part(pages: 0..<copy.pages, bytes: whole)] }
        guard whole.count > limit, copy.pages > 1 else { return [Part(pages: 0..<copy.pages, bytes: whole)] }
        var count = min(copy.pages, (whole.count + limit - 1) / limit)
        while true {
            var parts: [Part] = []
            var fits = true
            for index in 0..<count {
                let pages = (copy.pages * index / count)..<(copy.pages * (index + 1) / count)
                let bytes = try render(pages)
                if bytes.count > limit, pages.count > 1 { fits = false; break }
                parts.append(Part(pages: pages, bytes: bytes))
            }
            if fits || count >= copy.pages { return parts }
            count += 1
        }
    }

    private func canvas(title: String, claim: Claim) throws(LetterError) -> PDFCanvas {
        do {
            return try PDFCanvas(metadata: .init(title: title, author: claim.claimant.name, creationDate: "\(claim.date)T00:00:00"))
        } catch {
            throw .rendering(error.description)
        }
    }
}

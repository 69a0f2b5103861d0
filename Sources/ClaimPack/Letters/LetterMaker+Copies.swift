internal import Foundation
internal import PDFRendering

extension LetterMaker {
    /// How the enclosed evidence goes into the kit.
    public enum Attachments: String, Sendable, CaseIterable {
        /// Printed copies after the letter; sheets counted from the pages printed.
        case print
        /// Listed only, with the sheets `claim.yaml` gives (`sheets:`, one for an image).
        case list
        /// Neither printed nor listed: only the electronic copy goes with the letter.
        case none
    }

    /// The kit: the letter, the printed copies of the evidence (with `.print`), Form 107
    /// twice and Form 119 where the post has them, and the envelope.
    ///
    /// With `.print` the copies are planned first — each file read, hashed and its pages
    /// counted — so that the letter's list of attachments and Form 107 give the sheets
    /// actually printed; then the letter is laid out, then the copies, then the forms.
    /// - Parameters:
    ///   - evidence: where the evidence files are read from; needed with `.print`.
    ///   - duplex: two pages a sheet: sheets are counted so, and every part of the kit
    ///     starts on a new sheet (a blank page after a part of an odd number of pages).
    ///   - answerDue: for a statement of claim, the last day the earlier claim's answer was
    ///     due (`BundleChain.Link.answerDue`): the penalty runs from the day after it.
    /// - Throws: `LetterError.enclosures` for an enclosed file the letter cannot describe,
    ///   `.evidence` for one that cannot be read or printed, `.calculation` for a statement of
    ///   claim whose money cannot be computed.
    ///
    /// A statement of claim goes to the court; Form 107, Form 119 and the envelope are then
    /// for the copy sent to the defendant (ГПК РФ ст. 132 п. 6), addressed to the respondent.
    public func kit(claim: Claim, seal: SHA256Digest, bundleName: String, envelope: Envelope,
                    deliveryNotice: Bool = true, attachments: Attachments, evidence: EvidenceSource?,
                    duplex: Bool = false, answerDue: CalendarDate? = nil) throws(LetterError) -> LetterKit {
        let canvas: PDFCanvas
        do {
            canvas = try PDFCanvas(metadata: .init(title: claim.subject, author: claim.claimant.name,
                                                   creationDate: "\(claim.date)T00:00:00"))
        } catch {
            throw .rendering(error.description)
        }
        let prepared = try prepare(claim: claim, seal: seal, bundleName: bundleName, attachments: attachments,
                                   evidence: evidence, duplex: duplex, canvas: canvas, answerDue: answerDue)
        let (copies, printer, warnings, context) = (prepared.copies, prepared.printer, prepared.warnings, prepared.context)
        var known = context.rawValues()
        var values = LetterContext.prune(known) as? [String: Any] ?? [:]

        let renderer = LetterPDFRenderer(canvas: canvas)
        renderer.startSection()
        renderer.render(try letterBlocks(claim, values, known: known))
        let letterPages = renderer.pageInSection
        if duplex, letterPages % 2 == 1 { canvas.beginPage(width: PageGeometry.a4.width, height: PageGeometry.a4.height) }
        let enclosures = context.enclosures
        for copy in copies {
            try printer?.render(copy, enclosures: enclosures)
            if duplex, copy.pages % 2 == 1 { canvas.beginPage(width: PageGeometry.a4.width, height: PageGeometry.a4.height) }
        }
        let forms = PostForms(claim: claim, deliveryNotice: deliveryNotice)
        let letterSheets = duplex ? (letterPages + 1) / 2 : letterPages
        let formContext = claim.kind == .court ? context.addressedToRespondent() : context
        let rawFormValues = formContext.formValues(letterSheets: letterSheets, forms: forms)
        let formValues = LetterContext.prune(rawFormValues) as? [String: Any] ?? [:]
        values.merge(formValues) { $1 }
        known.merge(rawFormValues) { $1 }
        if claim.kind == .court {
            // The forms and the envelope name the defendant wherever they print the addressee.
            let parties = formContext.partyValues()
            values.merge(LetterContext.prune(parties) as? [String: Any] ?? [:]) { $1 }
            known.merge(parties) { $1 }
        }
        // Each copy of a form starts its own section (and page; in duplex, its own sheet).
        var forms107And119: [String] = []
        if forms.inventory { forms107And119.append("inventory") }
        if forms.deliveryNotice || forms.returnReceiptNote { forms107And119.append("form119") }
        var first = true
        for name in forms107And119 {
            for section in split(try blocks(name, claim.language, values, known: known)) {
                if duplex, !first, renderer.pageInSection % 2 == 1 {
                    canvas.beginPage(width: PageGeometry.a4.width, height: PageGeometry.a4.height)
                }
                first = false
                renderer.startSection()
                renderer.render(section)
            }
        }
        if let size = PageGeometry.envelope(envelope) {
            renderer.startSection(size: size, envelope: true)
            renderer.render(try blocks("envelope", claim.language, values, known: known))
        }
        do { return LetterKit(bytes: try canvas.finish(), warnings: warnings) } catch { throw .rendering(error.description) }
    }

    /// The letter as plain UTF-8 text, its list of attachments counted as `kit` counts it.
    /// - Throws: as `kit`.
    public func textKit(claim: Claim, seal: SHA256Digest, bundleName: String, attachments: Attachments,
                        evidence: EvidenceSource?, duplex: Bool = false, answerDue: CalendarDate? = nil) throws(LetterError) -> LetterKit {
        let prepared = try prepare(claim: claim, seal: seal, bundleName: bundleName, attachments: attachments,
                                   evidence: evidence, duplex: duplex, canvas: nil, answerDue: answerDue)
        let known = prepared.context.rawValues()
        let values = LetterContext.prune(known) as? [String: Any] ?? [:]
        let text = LetterTextRenderer.render(try letterBlocks(claim, values, known: known))
        return LetterKit(bytes: Array(text.utf8), warnings: prepared.warnings)
    }

    /// What `kit`, `textKit` and the export share before anything is drawn: the copies of
    /// the evidence planned (with `.print`), their sheets counted, and the letter's context.
    struct Prepared {
        var wording: LocaleWording
        var copies: [EvidenceCopy]
        /// The printer that planned the copies, drawing on the canvas given (with `.print`).
        var printer: EvidencePrinter?
        var warnings: [String]
        var context: LetterContext
    }

    /// Checks the enclosures, plans the copies and makes the letter's context.
    /// - Parameters:
    ///   - canvas: the canvas the copies will be drawn on; `nil` lays them out on one of
    ///     their own, only to count their pages.
    ///   - answerDue: for a statement of claim, the day the first claim's answer was due
    ///     (the penalty runs from the day after).
    func prepare(claim: Claim, seal: SHA256Digest, bundleName: String, attachments: Attachments,
                 evidence: EvidenceSource?, duplex: Bool, canvas: PDFCanvas?,
                 answerDue: CalendarDate? = nil) throws(LetterError) -> Prepared {
        let wording = try locale(claim.language)
        try checkEnclosures(claim, bundleName: bundleName, attachments: attachments)
        var copies: [EvidenceCopy] = []
        var printer: EvidencePrinter?
        if attachments == .print {
            guard let evidence else { throw .rendering("printed copies need the evidence files (a claim folder or a bundle)") }
            var surface = canvas
            if surface == nil {
                do {
                    surface = try PDFCanvas(metadata: .init(title: "", author: "", creationDate: "\(claim.date)T00:00:00"))
                } catch {
                    throw .rendering(error.description)
                }
            }
            guard let surface else { throw .rendering("no canvas to lay the copies out on") }
            let made = EvidencePrinter(canvas: surface, source: evidence, claim: claim, seal: seal, wording: wording)
            copies = try made.plan(Enclosure.list(for: claim, bundleName: bundleName, copies: .print).enclosures)
            printer = made
        }
        let (counted, warnings) = LetterMaker.sheets(of: copies, claim: claim, duplex: duplex)
        var context = LetterContext(claim: claim, seal: seal, bundleName: bundleName, wording: wording)
        context.copies = attachments
        context.counted = counted
        context.calculation = try calculation(claim, answerDue: answerDue)
        return Prepared(wording: wording, copies: copies, printer: printer, warnings: warnings, context: context)
    }

    /// The blocks of the letter the claim's kind prints, with `values`; `known` as in `blocks`.
    func letterBlocks(_ claim: Claim, _ values: [String: Any], known: [String: Any]? = nil) throws(LetterError) -> [LetterBlock] {
        try blocks(letterTemplate(for: claim), claim.language, values, known: known)
    }

    /// The sheets of each printed copy on paper, by evidence id, and a warning for each
    /// `sheets:` in `claim.yaml` that says otherwise.
    static func sheets(of copies: [EvidenceCopy], claim: Claim, duplex: Bool) -> (counted: [String: Int], warnings: [String]) {
        var counted: [String: Int] = [:]
        var warnings: [String] = []
        for copy in copies {
            guard case .paper = copy.enclosure.form, let id = copy.enclosure.evidenceID else { continue }
            let sheets = duplex ? (copy.pages + 1) / 2 : copy.pages
            counted[id] = sheets
            if let entry = claim.evidence.first(where: { $0.id == id }), let typed = entry.sheets, typed != sheets {
                let place = entry.location.map { "\($0): " } ?? "claim.yaml: "
                warnings.append("\(place)warning: evidence \"\(id)\" (\(entry.file)) has sheets: \(typed), but its printed copy takes \(sheets) \(sheets == 1 ? "sheet" : "sheets")\(duplex ? " (duplex)" : ""); the list of attachments and Form 107 give \(sheets)")
            }
        }
        return (counted, warnings)
    }
}

extension Enclosure {
    /// The enclosures of a claim, numbered, with the problems that keep a letter from being
    /// printed: the one place that decides what goes into the envelope.
    ///
    /// Only evidence marked `enclose` goes in (by default every file `claim.yaml` describes),
    /// numbered first in the order the timeline cites it, then in the claim's order. An image
    /// is one sheet unless `sheets:` says otherwise; a recording or a video goes on a USB
    /// stick; any other file needs `sheets:` — unless the kit prints the copies, whose
    /// sheets are counted from the pages printed (`EvidencePrinter`). When the letter travels on paper (registered
    /// mail, by hand, by courier), the electronic copy of the bundle — which the letter names
    /// with its seal — goes in last, on a USB stick; sent by e-mail or through a portal, the
    /// bundle is attached to the message instead and is no enclosure.
    /// - Parameters:
    ///   - copies: how the evidence goes into the envelope: `list` as described above;
    ///     `print`, as printed copies whose sheets `counted` gives by evidence id (none is
    ///     refused for want of `sheets:`); `none`, not at all (only the electronic copy).
    ///   - counted: the sheets each printed copy takes, by evidence id.
    static func list(for claim: Claim, bundleName: String, copies: LetterMaker.Attachments = .list,
                     counted: [String: Int] = [:]) -> (enclosures: [Enclosure], problems: [Problem]) {
        var ordered: [EvidenceEntry] = []
        for id in claim.timeline.flatMap(\.evidence) {
            if let entry = claim.evidence.first(where: { $0.id == id }), !ordered.contains(entry) { ordered.append(entry) }
        }
        ordered += claim.evidence.filter { !ordered.contains($0) }

        var enclosures: [Enclosure] = []
        var problems: [Problem] = []
        for entry in ordered where entry.enclose && copies != .none {
            let fileName = String(entry.file.split(separator: "/").last ?? "")
            if entry.isDerived || entry.title == fileName {
                problems.append(Problem(evidenceID: entry.id, file: entry.file, reason: .noTitle))
            }
            let form: Form
            let type = MediaType(fileName: entry.file).name
            if type.hasPrefix("video/") {
                form = .video
            } else if type.hasPrefix("audio/") || entry.kind == .recording {
                form = .audio
            } else if let sheets = counted[entry.id] {
                form = .paper(sheets: sheets)
            } else if let sheets = entry.sheets {
                form = .paper(sheets: sheets)
            } else if type.hasPrefix("image/") {
                form = .paper(sheets: 1)
            } else {
                if copies == .list { problems.append(Problem(evidenceID: entry.id, file: entry.file, reason: .noSheets)) }
                form = .paper(sheets: 1)
            }
            enclosures.append(Enclosure(number: enclosures.count + 1, title: entry.title, form: form, file: fileName, evidenceID: entry.id))
        }
        if [.registeredMail, .hand, .courier].contains(claim.delivery.method) {
            enclosures.append(Enclosure(number: enclosures.count + 1, title: bundleName, form: .electronicCopy, file: bundleName))
        }
        return (enclosures, problems)
    }
}

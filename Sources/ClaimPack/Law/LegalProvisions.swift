public import Foundation
internal import Yams

/// The law table, with each jurisdiction's counting rule and production calendar.
///
/// For each jurisdiction, sector and kind of claim: the answer period, the law the letter
/// cites, what the claimant will do when ignored and whom to complain to. Read from `Templates/law/<jurisdiction>.yaml` and `Templates/law/calendars/
/// <jurisdiction>.yaml`, data a user can read and correct (docs/law.md). Every
/// jurisdiction's table must have a general row (no `sector:`) for every kind of claim, so
/// that `provision(for:)` always answers.
public struct LegalProvisions: Sendable {
    private let tables: [Jurisdiction: LawTableFile]
    private let calendars: [Jurisdiction: WorkingCalendar]

    /// The folder of the law table inside a templates folder.
    public static func folder(templates: URL) -> URL {
        templates.appendingPathComponent("law", isDirectory: true)
    }

    /// Reads the tables and calendars under `templates/law/`.
    ///
    /// - Throws: `ResourceError.badTemplate` naming the file when a table is missing, does
    ///   not parse, or lacks a general row for a kind; or when a calendar does not parse.
    public init(templates: URL) throws(ResourceError) {
        let folder = LegalProvisions.folder(templates: templates)
        var tables: [Jurisdiction: LawTableFile] = [:]
        var calendars: [Jurisdiction: WorkingCalendar] = [:]
        for jurisdiction in Jurisdiction.allCases {
            let file = folder.appendingPathComponent("\(jurisdiction.rawValue).yaml")
            let table: LawTableFile = try LegalProvisions.load(file)
            guard table.jurisdiction == jurisdiction else {
                throw .badTemplate(path: file.path, reason: "says jurisdiction: \(table.jurisdiction.rawValue); this file is for \(jurisdiction.rawValue)")
            }
            for kind in ClaimKind.allCases where !table.provisions.contains(where: { $0.kind == kind && $0.sector == nil }) {
                throw .badTemplate(path: file.path, reason: "has no general row (without sector:) for kind: \(kind.rawValue)")
            }
            for row in table.provisions {
                guard row.days > 0, row.start == "receipt" || (row.start == "registration" && row.registration != nil) else {
                    throw .badTemplate(path: file.path, reason: "the row for \(row.kind.rawValue)/\(row.sector?.rawValue ?? "-") needs days > 0 and start: receipt, or start: registration with registration: {within:, unit:}")
                }
            }
            for penalty in table.penalties ?? [] {
                let rateOK = penalty.basisPoints > 0 && (penalty.per == "day" || (penalty.per == "year" && (penalty.daysInYear ?? 0) > 0))
                guard rateOK, penalty.capPercent.map({ $0 > 0 }) ?? true, !penalty.sources.isEmpty else {
                    throw .badTemplate(path: file.path, reason: "the penalty \(penalty.id) needs basis_points > 0, per: day or per: year with days_in_year > 0, a cap_percent > 0 when it has one, and sources")
                }
            }
            if let fee = table.courtFee {
                var top = 0
                for bracket in fee.brackets ?? [] {
                    guard bracket.from == top, bracket.upTo > bracket.from, bracket.fixed >= 0, bracket.basisPoints >= 0 else {
                        throw .badTemplate(path: file.path, reason: "court_fee.brackets: each bracket starts where the one before ends (the first at 0) and has up_to > from; the one from \(bracket.from) does not")
                    }
                    top = bracket.upTo
                }
            }
            if let courts = table.courts, LegalProvisions.level(courts.otherwise) == nil {
                throw .badTemplate(path: file.path, reason: "courts.otherwise: \(courts.otherwise) is not district or county")
            }
            tables[jurisdiction] = table
            let calendarFile = folder.appendingPathComponent("calendars/\(jurisdiction.rawValue).yaml")
            if FileManager.default.fileExists(atPath: calendarFile.path) {
                let calendar: CalendarFile = try LegalProvisions.load(calendarFile)
                calendars[jurisdiction] = WorkingCalendar(
                    jurisdiction: jurisdiction, years: Set(calendar.years.map(\.year)),
                    daysOff: Set(calendar.years.flatMap(\.daysOff)),
                    workingWeekendDays: Set(calendar.years.flatMap { $0.workingWeekendDays ?? [] }),
                    unconfirmedYears: Set(calendar.years.filter { !$0.confirmed }.map(\.year)),
                    sources: calendar.years.flatMap { $0.sources.map(LegalProvisions.source) })
            }
        }
        self.tables = tables
        self.calendars = calendars
    }

    /// The provision for `claim`: its jurisdiction's row for its kind and sector (the
    /// general row of the kind when the sector has none), texts in the claim's language.
    public func provision(for claim: Claim) -> LegalProvision {
        provision(jurisdiction: claim.jurisdiction, sector: claim.respondent.sector, kind: claim.kind, language: claim.language)
    }

    /// The provision for a jurisdiction, sector and kind, texts in `language` (else
    /// English, else the jurisdiction's own language).
    public func provision(jurisdiction: Jurisdiction, sector: Sector?, kind: ClaimKind, language: Language) -> LegalProvision {
        let table = tables[jurisdiction]!
        let row = table.provisions.first { $0.kind == kind && $0.sector != nil && $0.sector == sector }
            ?? table.provisions.first { $0.kind == kind && $0.sector == nil }!
        let native = table.native
        let (textLanguage, citation) = row.citation.text(language, native: native) ?? (native, "")
        var notes: [String] = []
        if sector == nil, let note = table.notes.noSector.text(textLanguage, native: native) { notes.append(note.1) }
        if let note = row.note?.text(textLanguage, native: native) { notes.append(note.1) }
        if !row.confirmed, let note = table.notes.unconfirmed.text(textLanguage, native: native) { notes.append(note.1) }
        let start: PeriodStart = row.registration.map { .registration(within: $0.within, unit: $0.unit) } ?? .receipt
        return LegalProvision(
            jurisdiction: jurisdiction, sector: row.sector, kind: kind,
            period: AnswerPeriod(days: row.days, unit: row.unit, start: row.start == "receipt" ? .receipt : start),
            language: textLanguage, citation: citation,
            periodText: row.periodText?.texts[textLanguage.rawValue],
            consequences: row.consequences?.sentences(textLanguage) ?? [],
            authority: row.authority?.text(textLanguage, native: native)?.1,
            notes: notes, sources: row.sources.map(LegalProvisions.source), confirmed: row.confirmed)
    }

    /// The statutory penalty for a claim against a company of `sector` under the law of
    /// `jurisdiction` (the `penalties:` section of its table), or `nil` where the table has
    /// none (ru and ua finance and state bodies, the United States).
    public func penaltyRule(jurisdiction: Jurisdiction, sector: Sector) -> PenaltyRule? {
        guard let row = tables[jurisdiction]?.penalties?.first(where: { $0.sectors?.contains(sector) ?? true }) else { return nil }
        let rate: PenaltyRule.Rate = row.per == "year"
            ? .perYear(basisPoints: row.basisPoints, daysInYear: row.daysInYear ?? 365)
            : .perDay(basisPoints: row.basisPoints)
        return PenaltyRule(id: row.id, rate: rate, capPercent: row.capPercent, law: row.law,
                           sources: row.sources.map(LegalProvisions.source), confirmed: row.confirmed)
    }

    /// The act a printed complaint or statement of claim of `kind` follows under the law of
    /// `jurisdiction`, cited in `language` (else English, else the jurisdiction's own), or
    /// `nil` where the table has none.
    public func procedure(jurisdiction: Jurisdiction, kind: ClaimKind, language: Language) -> ProcedureRequirement? {
        guard let table = tables[jurisdiction], let row = table.procedure?[kind.rawValue],
              let (textLanguage, citation) = row.citation.text(language, native: table.native) else { return nil }
        return ProcedureRequirement(jurisdiction: jurisdiction, kind: kind, language: textLanguage, citation: citation,
                                    characterLimit: row.characters,
                                    sources: row.sources.map(LegalProvisions.source), confirmed: row.confirmed)
    }

    /// The court fee of `jurisdiction` (`court_fee:`), or `nil` where claimpack does not
    /// compute it.
    public func courtFeeSchedule(jurisdiction: Jurisdiction) -> CourtFeeSchedule? {
        guard let fee = tables[jurisdiction]?.courtFee else { return nil }
        return CourtFeeSchedule(
            currency: fee.currency,
            brackets: (fee.brackets ?? []).map { .init(from: $0.from, upTo: $0.upTo, fixed: $0.fixed, basisPoints: $0.basisPoints) },
            consumerExemptUpTo: fee.consumerExemptUpTo, consumersExempt: fee.consumersExempt ?? false,
            law: fee.law, exemptionLaw: fee.exemptionLaw, sources: fee.sources.map(LegalProvisions.source), confirmed: fee.confirmed)
    }

    /// Which court hears a claim under the law of `jurisdiction` (`courts:`), or `nil`
    /// where claimpack does not say (us).
    public func courtRule(jurisdiction: Jurisdiction) -> CourtRule? {
        guard let courts = tables[jurisdiction]?.courts, let otherwise = LegalProvisions.level(courts.otherwise) else { return nil }
        return CourtRule(currency: courts.currency, justiceOfThePeaceUpTo: courts.justiceOfThePeaceUpTo,
                         justiceOfThePeaceLaw: courts.justiceOfThePeaceLaw, otherwise: otherwise, law: courts.law,
                         sources: courts.sources.map(LegalProvisions.source), confirmed: courts.confirmed)
    }

    /// How `jurisdiction` counts a period, in `language` (else English, else its own).
    public func countingRule(for jurisdiction: Jurisdiction, language: Language) -> CountingRule {
        let table = tables[jurisdiction]!
        let (textLanguage, end) = table.counting.end.text(language, native: table.native) ?? (table.native, "")
        let start = table.counting.start.text(textLanguage, native: table.native)?.1 ?? ""
        return CountingRule(jurisdiction: jurisdiction, language: textLanguage, start: start, end: end,
                            sources: table.counting.sources.map(LegalProvisions.source))
    }

    /// The production calendar of `jurisdiction`; one that knows no year (only Saturdays
    /// and Sundays off) when its file is absent.
    public func calendar(for jurisdiction: Jurisdiction) -> WorkingCalendar {
        calendars[jurisdiction] ?? .weekendsOnly(jurisdiction)
    }

    private static func level(_ word: String) -> CourtChoice.Level? {
        switch word {
        case "district": .districtCourt
        case "county": .countyCourt
        default: nil
        }
    }

    private static func source(_ source: LawTableFile.Source) -> LegalSource {
        LegalSource(cite: source.cite, url: source.url, note: source.note, confirmed: source.confirmed)
    }

    private static func load<T: Decodable>(_ file: URL) throws(ResourceError) -> T {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw .badTemplate(path: file.path, reason: "cannot be read (the law table lives beside the language templates)")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch {
            throw .badTemplate(path: file.path, reason: "does not parse: \(error)")
        }
    }
}

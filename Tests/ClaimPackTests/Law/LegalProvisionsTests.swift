import Foundation
import Testing
@testable import ClaimPack

/// The law table as shipped in `Templates/law/`: the rows users rely on.
struct LegalProvisionsTests {
    static let templates = TestSupport.repositoryRoot.appendingPathComponent("Templates")
    let law: LegalProvisions

    init() throws {
        law = try LegalProvisions(templates: LegalProvisionsTests.templates)
    }

    @Test func russianTelecomClaimRunsThirtyDaysFromRegistration() {
        let row = law.provision(jurisdiction: .ru, sector: .telecom, kind: .claim, language: .ru)
        #expect(row.period == AnswerPeriod(days: 30, unit: .calendar, start: .registration(within: 1, unit: .working)))
        #expect(row.citation.contains("ст. 55") && row.citation.contains("126-ФЗ"))
        #expect(row.authority == "Роскомнадзор")
        #expect(row.language == .ru)
        #expect(row.notes.isEmpty)
        #expect(row.sources.contains { $0.confirmed && ($0.url ?? "").hasPrefix("http") })
    }

    @Test func russianGoodsAndServicesPenalties() {
        let goods = law.provision(jurisdiction: .ru, sector: .goods, kind: .claim, language: .ru)
        #expect(goods.period == AnswerPeriod(days: 10, unit: .calendar, start: .receipt))
        #expect(goods.consequences.joined().contains("1 %"))
        #expect(goods.consequences.joined().contains("п. 6 ст. 13"))
        let services = law.provision(jurisdiction: .ru, sector: .services, kind: .claim, language: .ru)
        #expect(services.consequences.joined().contains("3 %"))
        #expect(services.citation.contains("ст. 31"))
    }

    @Test func complaintToAStateBodyIsRegisteredWithinThreeDays() {
        let row = law.provision(jurisdiction: .ru, sector: nil, kind: .complaint, language: .ru)
        #expect(row.period == AnswerPeriod(days: 30, unit: .calendar, start: .registration(within: 3, unit: .calendar)))
        #expect(row.citation.contains("59-ФЗ"))
        // A complaint's period is the law on appeals whatever the company's sector.
        #expect(law.provision(jurisdiction: .ru, sector: .telecom, kind: .complaint, language: .ru).period == row.period)
    }

    @Test func missingSectorFallsBackToTheGeneralRowWithANote() {
        let row = law.provision(jurisdiction: .ru, sector: nil, kind: .claim, language: .ru)
        #expect(row.sector == nil)
        #expect(row.period.days == 10)
        #expect(row.notes.contains { $0.contains("respondent.sector") })
        // A sector with no row of its own takes the general row without that note.
        let goods = law.provision(jurisdiction: .ua, sector: .goods, kind: .claim, language: .uk)
        #expect(goods.sector == nil)
        #expect(!goods.notes.contains { $0.contains("respondent.sector") })
    }

    @Test func unconfirmedRowsSaySo() {
        let finance = law.provision(jurisdiction: .ru, sector: .finance, kind: .claim, language: .ru)
        #expect(!finance.confirmed)
        #expect(finance.period.unit == .working)
        #expect(finance.notes.contains { $0.contains("confirmed: false") })
    }

    @Test func textsFallBackToEnglish() {
        let row = law.provision(jurisdiction: .ru, sector: .telecom, kind: .claim, language: .en)
        #expect(row.language == .en)
        #expect(row.citation.contains("On Communications"))
        let rule = law.countingRule(for: .ru, language: .en)
        #expect(rule.end.contains("art. 193"))
        #expect(law.countingRule(for: .ru, language: .ru).end.contains("ст. 193 ГК РФ"))
    }

    @Test func everyRowNamesItsSources() {
        for jurisdiction in Jurisdiction.allCases {
            for kind in ClaimKind.allCases {
                for sector in [nil] + Sector.allCases {
                    let row = law.provision(jurisdiction: jurisdiction, sector: sector, kind: kind, language: .en)
                    #expect(!row.sources.isEmpty, "\(jurisdiction)/\(kind)/\(String(describing: sector))")
                    #expect(!row.citation.isEmpty)
                }
            }
        }
    }

    @Test func aTableWithoutAGeneralRowIsRefused() throws {
        let folder = try TemporaryFolder("templates")
        let lawFolder = folder.url.appendingPathComponent("law")
        try FileManager.default.copyItem(at: LegalProvisions.folder(templates: LegalProvisionsTests.templates), to: lawFolder)
        let file = lawFolder.appendingPathComponent("gb.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let cut = text.components(separatedBy: "  - kind: court").first!
        try Data(cut.utf8).write(to: file)
        #expect(throws: ResourceError.self) { try LegalProvisions(templates: folder.url) }
    }
}

extension LegalProvisionsTests {
    @Test func thePeriodInWordsSaysWhereItStarts() {
        let telecom = law.provision(jurisdiction: .ru, sector: .telecom, kind: .claim, language: .ru)
        #expect(telecom.periodText?.contains("со дня регистрации претензии") == true)
        let ukrainian = law.provision(jurisdiction: .ua, sector: nil, kind: .claim, language: .uk)
        #expect(ukrainian.periodText?.contains("одного місяця") == true)
        #expect(law.provision(jurisdiction: .gb, sector: .finance, kind: .claim, language: .en).periodText == "within eight weeks of receiving this complaint")
        #expect(law.provision(jurisdiction: .ru, sector: nil, kind: .court, language: .ru).periodText == nil)
    }
}

extension LegalProvisionsTests {
    /// A row marked confirmed names a source read in the act, with the page and the words.
    @Test func confirmedRowsQuoteWhereTheyWereRead() {
        for jurisdiction in Jurisdiction.allCases {
            for kind in ClaimKind.allCases {
                for sector in [nil] + Sector.allCases {
                    let row = law.provision(jurisdiction: jurisdiction, sector: sector, kind: kind, language: .en)
                    let name = "\(jurisdiction)/\(kind)/\(sector?.rawValue ?? "-")"
                    if row.confirmed {
                        #expect(row.sources.contains { $0.confirmed }, "\(name)")
                    }
                    for source in row.sources where source.confirmed {
                        #expect((source.url ?? "").hasPrefix("http"), "\(name): \(source.cite)")
                        #expect(!(source.note ?? "").isEmpty, "\(name): \(source.cite)")
                    }
                }
            }
        }
    }

    /// PD Pre-Action Conduct para 6(b): 14 days in a straightforward case (read on justice.gov.uk's
    /// page and quoted verbatim); Ofcom: ADR after six weeks from 8 April 2026.
    @Test func englishLetterBeforeClaimAndTelecomPeriods() {
        let general = law.provision(jurisdiction: .gb, sector: nil, kind: .claim, language: .en)
        #expect(general.period == AnswerPeriod(days: 14, unit: .calendar, start: .receipt))
        #expect(general.confirmed)
        #expect(general.citation.contains("paragraph 6(b)"))
        let telecom = law.provision(jurisdiction: .gb, sector: .telecom, kind: .claim, language: .en)
        #expect(telecom.period == AnswerPeriod(days: 42, unit: .calendar, start: .receipt))
        #expect(telecom.periodText == "within six weeks of receiving this complaint")
        #expect(!telecom.confirmed)
    }
}

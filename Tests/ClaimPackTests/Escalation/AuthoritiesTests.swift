import Foundation
import Testing
@testable import ClaimPack

struct AuthoritiesTests {
    private static let templates = TestSupport.repositoryRoot.appendingPathComponent("Templates")
    private static let keys = ["rospotrebnadzor", "roskomnadzor", "cbr", "finombudsman", "dpss", "nkek",
                               "ombudsman-services", "fos", "cfpb"]

    @Test(arguments: Language.allCases)
    func everyFileLoadsWithEveryKeyAndASourceForEachRow(_ language: Language) throws {
        let authorities = try Authorities(templates: Self.templates, language: language)
        #expect(authorities.all.map(\.key) == Self.keys)
        for authority in authorities.all {
            #expect(!authority.name.isEmpty && !authority.address.isEmpty && !authority.law.isEmpty, "\(authority.key)")
            #expect(!authority.sources.isEmpty && authority.sources.allSatisfy { $0.contains("http") }, "\(authority.key)")
            if !authority.confirmed { #expect(!(authority.notes ?? "").isEmpty, "\(authority.key)") }
        }
    }

    @Test(arguments: [Language.uk, .en])
    func theFactsAgreeAcrossLanguages(_ language: Language) throws {
        // Only names, the law's wording, notes and a `<…>` placeholder are translated; where
        // to write and when the answer is due are the same in every file.
        let russian = try Authorities(templates: Self.templates, language: .ru).all
        let other = try Authorities(templates: Self.templates, language: language).all
        for (a, b) in zip(russian, other) {
            #expect(a.key == b.key && a.web == b.web && a.jurisdiction == b.jurisdiction)
            #expect(a.address == b.address || (a.address.hasPrefix("<") && b.address.hasPrefix("<")), "\(a.key)")
            #expect(a.sectors == b.sectors && a.answer == b.answer && a.sources == b.sources && a.confirmed == b.confirmed)
        }
    }

    @Test func defaultsFollowJurisdictionAndSector() throws {
        let authorities = try Authorities(templates: Self.templates, language: .ru)
        let expected: [(Jurisdiction, Sector, String?)] = [
            (.ru, .goods, "rospotrebnadzor"), (.ru, .services, "rospotrebnadzor"), (.ru, .telecom, "roskomnadzor"),
            (.ru, .finance, "cbr"), (.ru, .state, nil), (.ru, .utilities, nil),
            (.ua, .goods, "dpss"), (.ua, .telecom, "nkek"), (.ua, .finance, nil),
            (.gb, .telecom, "ombudsman-services"), (.gb, .finance, "fos"), (.us, .finance, "cfpb"),
        ]
        for (jurisdiction, sector, key) in expected {
            #expect(authorities.defaultAuthority(jurisdiction: jurisdiction, sector: sector)?.key == key, "\(jurisdiction)/\(sector)")
        }
        let cbr = try #require(authorities.authority(key: "cbr"))
        #expect(cbr.address == "ул. Неглинная, 12, Москва, 107016" && cbr.answer == .calendarDays(30))
        #expect(authorities.authority(key: "dpss")?.answer == .months(1))
        #expect(authorities.authority(key: "fos")?.answer == nil)
        #expect(authorities.authority(key: "nobody") == nil)
    }

    @Test(arguments: Language.allCases)
    func anUnconfirmedRowSaysWhyInItsLastSourceAndAConfirmedOneHasARealAddress(_ language: Language) throws {
        for authority in try Authorities(templates: Self.templates, language: language).all {
            if authority.confirmed {
                #expect(!authority.address.hasPrefix("<"), "\(authority.key)")
            } else {
                #expect(authority.sources.last?.hasPrefix("not confirmed") == true, "\(authority.key)")
            }
        }
    }

    @Test func theFiguresAreTheOnesTheSourcesGive() throws {
        // docs/law.md, "Authorities: what is confirmed": each figure beside the page it was read on.
        let authorities = try Authorities(templates: Self.templates, language: .en)
        let expected: [(key: String, address: String?, answer: Authority.AnswerPeriod?, confirmed: Bool)] = [
            ("rospotrebnadzor", "Вадковский переулок, дом 18, строения 5 и 7, г. Москва, 127994", .calendarDays(30), true),
            ("roskomnadzor", "Китайгородский проезд, д. 7, стр. 2, Москва, 109074", .calendarDays(30), true),
            ("cbr", "ул. Неглинная, 12, Москва, 107016", .calendarDays(30), true),
            ("finombudsman", "Старомонетный переулок, д. 3, г. Москва", .workingDays(15), false),
            ("dpss", nil, .months(1), false),
            ("nkek", "вул. Солом'янська, 3, м. Київ, 03110", .months(1), true),
            ("ombudsman-services", "P.O. Box 730, Warrington, WA4 6WU", nil, true),
            ("fos", "Exchange Tower, London, E14 9SR", nil, false),
            ("cfpb", "Consumer Financial Protection Bureau, PO Box 27170, Washington, DC 20038", .calendarDays(15), true),
        ]
        for row in expected {
            let authority = try #require(authorities.authority(key: row.key))
            if let address = row.address { #expect(authority.address == address, "\(row.key)") }
            #expect(authority.answer == row.answer && authority.confirmed == row.confirmed, "\(row.key)")
        }
        #expect(authorities.authority(key: "dpss")?.address.contains("вул. Б. Грінченка, 1, м. Київ, 01001") == true)
        #expect(authorities.authority(key: "nkek")?.web == "https://nkek.gov.ua")
    }

    private static func row(_ fields: String) -> String {
        """
        format: 1
        authorities:
          - key: a
            name: A
            address: Street 1
            jurisdiction: ru
            sectors: [goods]
            law: Law
            answer: {days: 30, count: calendar}
        \(fields)
        """
    }

    @Test(arguments: [
        ("    confirmed: true", "authorities[1]: sources must list where each fact was checked"),
        ("    sources: [\"https://example.org\"]", "authorities[1]: confirmed must be true or false"),
        ("    sources: [\"https://example.org\"]\n    confirmed: false", "authorities[1]: a row that is not confirmed needs notes saying what is missing"),
        ("    sources: [\"https://example.org\"]\n    confirmed: true\n    phone: 1", "authorities[1]: unknown field phone"),
    ])
    func aRowWithoutItsFieldsIsRefused(_ fields: String, _ reason: String) {
        #expect(throws: EscalationError.badAuthorities(path: "test.yaml", reason: reason)) {
            try Authorities(yaml: Self.row(fields), path: "test.yaml")
        }
    }

    @Test func twoDefaultsForOneSectorAreRefused() {
        let text = Self.row("    sources: [\"https://example.org\"]\n    confirmed: true") + """

          - key: b
            name: B
            address: Street 2
            jurisdiction: ru
            sectors: [goods]
            law: Law
            answer: {months: 1}
            sources: ["https://example.org"]
            confirmed: true

        """
        #expect(throws: EscalationError.badAuthorities(path: "test.yaml", reason: "b and a are both the default for ru/goods")) {
            try Authorities(yaml: text, path: "test.yaml")
        }
    }
}

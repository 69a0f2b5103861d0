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

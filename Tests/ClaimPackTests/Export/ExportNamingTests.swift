import Foundation
import Testing
@testable import ClaimPack

/// The names of exported files: numbered, counted, in the claim's language, safe on Windows.
struct ExportNamingTests {
    static func naming(_ language: Language) throws -> ExportNaming {
        try #require(try ExportRules.load(templates: TestSupport.repositoryRoot.appendingPathComponent("Templates")).languages[language])
    }

    @Test func aNameIsNumberedAndCountedInTheLanguage() throws {
        #expect(try Self.naming(.ru).fileName(number: 3, title: "Кассовый чек", sheets: 2, limit: 150) == "03 Кассовый чек (2 л.).pdf")
        #expect(try Self.naming(.uk).fileName(number: 12, title: "Чек", sheets: 5, limit: 150) == "12 Чек (5 арк.).pdf")
        #expect(try Self.naming(.en).fileName(number: 0, title: "Claim letter", sheets: 1, limit: 150) == "00 Claim letter (1 page).pdf")
        #expect(try Self.naming(.en).fileName(number: 1, title: "Receipt", sheets: 3, limit: 150) == "01 Receipt (3 pages).pdf")
        #expect(try Self.naming(.ru).fileName(number: 2, title: "Выписка", part: (2, 3), sheets: 20, limit: 150)
                == "02 Выписка, часть 2 из 3 (20 л.).pdf")
    }

    @Test(arguments: ["Чек: возврат?", "A/B <копия> | \"1\" *", "Скриншот\nс переносом", "Итог..."])
    func aNameWindowsCannotHoldIsMadeSafe(title: String) throws {
        let name = try Self.naming(.ru).fileName(number: 1, title: title, sheets: 1, limit: 150)
        #expect(PortableName.problems(ofComponent: name).isEmpty, "\(name)")
        #expect(!name.contains("/") && name.hasPrefix("01 ") && name.hasSuffix(" (1 л.).pdf"), "\(name)")
    }

    @Test func aLongTitleIsCutButTheNumberAndCountStay() throws {
        let title = String(repeating: "Очень длинное название документа ", count: 10)
        let name = try Self.naming(.ru).fileName(number: 7, title: title, part: (1, 2), sheets: 40, limit: 150)
        #expect(name.utf16.count <= 150, "\(name.utf16.count)")
        #expect(name.hasPrefix("07 Очень длинное") && name.hasSuffix(", часть 1 из 2 (40 л.).pdf"), "\(name)")
        #expect(!name.contains(" , "), "no space left before the suffix")
    }
}

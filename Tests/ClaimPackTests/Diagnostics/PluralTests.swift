import Testing
@testable import ClaimPack

struct PluralTests {
    @Test(arguments: [(1, "день"), (2, "дня"), (4, "дня"), (5, "дней"), (11, "дней"), (12, "дней"), (14, "дней"), (21, "день"),
                      (22, "дня"), (25, "дней"), (101, "день"), (111, "дней"), (0, "дней")])
    func russianHasOneFewMany(count: Int, word: String) {
        #expect(Plural.form(["день", "дня", "дней"], count: count, language: .ru) == word)
    }

    @Test(arguments: [(1, "аркуш"), (3, "аркуші"), (5, "аркушів"), (13, "аркушів"), (23, "аркуші"), (31, "аркуш")])
    func ukrainianHasOneFewMany(count: Int, word: String) {
        #expect(Plural.form(["аркуш", "аркуші", "аркушів"], count: count, language: .uk) == word)
    }

    @Test func englishHasOneAndOther() {
        #expect(Plural.english(1, "error") == "1 error")
        #expect(Plural.english(0, "error") == "0 errors")
        #expect(Plural.english(2, "entry", "entries") == "2 entries")
        #expect(Plural.english(21, "day") == "21 days")
        #expect(Plural.english(-1, "day") == "-1 day")
    }

    @Test func fewerFormsThanCategoriesFallBackToTheLast() {
        #expect(Plural.form(["x"], count: 5, language: .ru) == "x")
        #expect(Plural.form(["one", "other"], count: 5, language: .ru) == "other")
        #expect(Plural.form([], count: 5, language: .en) == "")
    }
}

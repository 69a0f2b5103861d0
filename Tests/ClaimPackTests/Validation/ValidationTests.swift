import Testing
@testable import ClaimPack

@Test(arguments: ["ivanov@example.ru", "o.kovalenko@example.com.ua", "a+b@mail.example.co.uk", "иван@почта.рф"])
func validEmailAddressesPass(_ address: String) {
    #expect(EmailAddress.isValid(address))
}

@Test(arguments: ["ivanov", "ivanov@", "@example.ru", "ivan@@example.ru", "ivan @example.ru", "ivan@example",
                  "ivan@example.r", "ivan@-example.ru", "ivan..x@example.ru", "ivan@example..ru"])
func invalidEmailAddressesFail(_ address: String) {
    #expect(!EmailAddress.isValid(address))
}

@Test func identifiersAllowLatinDigitsAndPunctuation() {
    for id in ["mts-2026-11", "TX-0001", "a", "call_1002", "v1.2"] { #expect(Identifier.isValid(id)) }
    for id in ["", "-x", "tx 4", "чек", String(repeating: "a", count: 65)] { #expect(!Identifier.isValid(id)) }
}

@Test(arguments: [
    ("Претензия МТС 2026", "pretenziia-mts-2026"), ("Київстар: роумінг", "kiivstar-rouming"),
    ("Scan (1).PNG", "scan-1-png"), ("é", "e"), ("---", "claim"), ("щука", "shchuka"),
])
func slugsAreValidIdentifiers(_ text: String, _ slug: String) {
    let made = Identifier.slug(from: text)
    #expect(Identifier.isValid(made))
    #expect(made == slug)
}

@Test func suggestionsFindTyposOnly() {
    #expect(Suggestion.closest(to: "adress", among: ["name", "address"]) == "address")
    #expect(Suggestion.closest(to: "langauge", among: ["language", "kind"]) == "language")
    #expect(Suggestion.closest(to: "telephone", among: ["phone", "email"]) == nil)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
}

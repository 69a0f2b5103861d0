import Testing
@testable import ClaimPack

@Test(arguments: ["7740000076", "7707083893", "500100732259"])
func validINNsPass(_ inn: String) {
    #expect(RegistryNumber.innProblem(inn) == nil)
}

@Test(arguments: [
    ("7740000077", "the 10th digit is a check digit"), ("500100732258", "the 11th and 12th digits are check digits"),
    ("500100732249", "the 11th and 12th digits are check digits"),
    ("774000007", "10 digits"), ("77400000761", "10 digits"), ("77400OOO76", "10 digits"),
])
func invalidINNsNameTheProblem(_ inn: String, _ fragment: String) throws {
    let problem = try #require(RegistryNumber.innProblem(inn))
    #expect(problem.contains(fragment))
    // The digit that would make the number pass is never offered: it invites a valid number of another company.
    #expect(!problem.contains("should be"))
}

@Test(arguments: ["1027700149124", "1027700132195", "304500116000157"])
func validOGRNsPass(_ ogrn: String) {
    #expect(RegistryNumber.ogrnProblem(ogrn) == nil)
}

@Test func invalidOGRNsNameTheProblem() {
    #expect(RegistryNumber.ogrnProblem("1027700149123") == "the last digit is a check digit and does not agree with the others: a digit is mistyped, missing or two are swapped")
    #expect(RegistryNumber.ogrnProblem("10277001491") != nil)
    #expect(RegistryNumber.ogrnProblem("304500116000158") != nil)
}

@Test func edrpouCheckDigits() {
    #expect(RegistryNumber.edrpouProblem("21673832") == nil)
    #expect(RegistryNumber.edrpouProblem("14360570") == nil)
    #expect(RegistryNumber.edrpouProblem("00032112") == nil)
    #expect(RegistryNumber.edrpouProblem("21673833")?.contains("the 8th digit is a check digit and does not agree") == true)
    #expect(RegistryNumber.edrpouProblem("2167383") != nil)
}

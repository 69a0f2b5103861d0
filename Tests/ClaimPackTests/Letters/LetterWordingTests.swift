import Foundation
import Testing
@testable import ClaimPack

/// The wording of the letter for every claimant and company: gender, the company's role,
/// the addressee block, the subject line, how the letter was sent, English salutations.
struct LetterWordingTests {
    func claim(_ example: String) throws -> Claim {
        try #require(try TestSupport.reader.read(folder: TestSupport.examples.appendingPathComponent(example)).claim)
    }

    /// The text letter with no-break spaces as plain ones and lines joined, for searching.
    func text(_ claim: Claim) throws -> String {
        let letter = try LetterTestSupport.maker.text(claim: claim, seal: .zero, bundleName: "b.zip")
        return letter.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let example: String, name: String, gender: Gender?, expected: String?, forbidden: [String]
        var testDescription: String { "\(name) \(gender.map(\.rawValue) ?? "")" }
    }

    static let genderCases = [
        Case(example: "ru-telecom-subscription", name: "Иванов Иван Иванович", gender: nil, expected: "я буду вынужден обратиться",
             forbidden: ["вынуждена", "(вынужден"]),
        Case(example: "ru-telecom-subscription", name: "Петрова Мария Сергеевна", gender: nil, expected: "я буду вынуждена обратиться",
             forbidden: ["вынужден ", "(вынужден"]),
        Case(example: "ru-telecom-subscription", name: "Ким Александра", gender: .female, expected: "я буду вынуждена обратиться",
             forbidden: ["вынужден "]),
        Case(example: "ru-telecom-subscription", name: "Ким Саша", gender: nil, expected: nil, forbidden: ["вынужден"]),
        Case(example: "uk-mobile-roaming", name: "Коваленко Олена Петрівна", gender: nil, expected: "я буду змушена звернутися",
             forbidden: ["змушений", "(змуш"]),
        Case(example: "uk-mobile-roaming", name: "Коваленко Андрій Сергійович", gender: nil, expected: "я буду змушений звернутися",
             forbidden: ["змушена", "(змуш"]),
        Case(example: "uk-mobile-roaming", name: "Коваленко Саша", gender: nil, expected: nil, forbidden: ["змушен"]),
    ]

    /// A copy of `Templates/` without the law table: the templates' own consequence
    /// sentence (the law table's sentences have no gender: «я обращусь»).
    func templatesWithoutLaw() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("templates")
        try folder.copyContents(of: TestSupport.repositoryRoot.appendingPathComponent("Templates"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("law"))
        return folder
    }

    /// «вынужден»/«вынуждена» agree with the claimant: `claimant.gender`, else the
    /// patronymic; with neither, a wording with no gender at all.
    @Test(arguments: genderCases)
    func theConsequenceAgreesWithTheClaimant(_ item: Case) throws {
        var claim = try claim(item.example)
        claim.claimant.name = item.name
        claim.claimant.gender = item.gender
        let templates = try templatesWithoutLaw()
        let letter = try LetterMaker(templates: templates.url).text(claim: claim, seal: .zero, bundleName: "b.zip")
            .replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let expected = item.expected { #expect(letter.contains(expected), "\(letter)") }
        for word in item.forbidden { #expect(!letter.contains(word), "«\(word)» in: \(letter)") }
    }

    @Test func genderComesFromThePatronymic() {
        #expect(LetterContext.gender(of: "Петрова Мария Сергеевна") == .female)
        #expect(LetterContext.gender(of: "Бабич Ольга Никитична") == .female)
        #expect(LetterContext.gender(of: "Карпович Иван Петрович") == .male)
        #expect(LetterContext.gender(of: "Кузнецов Пётр Ильич") == .male)
        #expect(LetterContext.gender(of: "Шевченко Ірина Юріївна") == .female)
        #expect(LetterContext.gender(of: "Шевченко Оксана Василівна") == .female)
        #expect(LetterContext.gender(of: "Мельник Олег Андрійович") == .male)
        #expect(LetterContext.gender(of: "Ольга Бабич") == nil)
        #expect(LetterContext.gender(of: "Sarah Jane Thompson") == nil)
    }

    /// A claim names the company by its role (by sector), with ИНН and ОГРН, never as a
    /// defendant.
    @Test(arguments: [(Sector?.some(.telecom), "Оператор связи"), (.goods, "Продавец"), (.services, "Исполнитель"),
                      (.finance, "Банк"), (nil, "Организация")])
    func aClaimNamesTheCompanyByItsRole(_ sector: Sector?, _ role: String) throws {
        var claim = try claim("ru-telecom-subscription")
        claim.respondent.sector = sector
        let letter = try text(claim)
        #expect(!letter.contains("Ответчик"), "\(letter)")
        #expect(letter.contains("\(role): ПАО «Мобильные ТелеСистемы», 109147, г. Москва, ул. Марксистская, д. 4, ИНН 7740000076, ОГРН 1027700149124."), "\(letter)")
        #expect(letter.components(separatedBy: "ИНН 7740000076").count == 2, "introduced once")
    }

    @Test(arguments: ["en-bank-duplicate-payment", "uk-mobile-roaming", "ru-telecom-subscription"])
    func noClaimCallsTheCompanyTheDefendant(_ example: String) throws {
        var claim = try claim(example)
        claim.addressee = Addressee(position: "Head of claims", name: "Other Name", address: "Somewhere 1")
        let letter = try text(claim)
        for word in ["Ответчик", "Відповідач", "Respondent"] { #expect(!letter.contains(word), "\(letter)") }
    }

    /// No user value lands in a slot whose case it cannot take («в отношении Департамент»).
    @Test func aComplaintNamesTheBodyInTheNominative() throws {
        let letter = try text(try claim("ru-city-portal-complaint"))
        #expect(!letter.contains("в отношении Департамент"), "\(letter)")
        #expect(letter.contains(": Департамент труда и социальной защиты населения города Москвы, 107078"), "\(letter)")
    }

    /// The body named in the position is not printed again; the official's name follows.
    @Test func theAddresseeBlockNamesTheBodyOnce() throws {
        var claim = try claim("ru-city-portal-complaint")
        claim.addressee.person = "Иванову И. И."
        let letter = try LetterTestSupport.maker.text(claim: claim, seal: .zero, bundleName: "b.zip")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(!letter.contains("Главное контрольное управление города Москвы"), "\(letter)")
        #expect(letter.contains("Руководителю Главного контрольного управления города Москвы\nИванову И. И.\n125032"), "\(letter)")
        let telecom = try LetterTestSupport.maker.text(claim: try self.claim("ru-telecom-subscription"), seal: .zero, bundleName: "b.zip")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(telecom.contains("Генеральному директору\nПАО «МТС»\n109147"), "\(telecom)")
    }

    /// Under «ПРЕТЕНЗИЯ» the subject reads «о …», without a second «Претензия».
    @Test func theSubjectFollowsTheTitle() throws {
        let letter = try LetterTestSupport.maker.text(claim: try claim("ru-telecom-subscription"), seal: .zero, bundleName: "b.zip")
        let lines = letter.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let title = try #require(lines.firstIndex(of: "ПРЕТЕНЗИЯ"))
        #expect(lines[title + 1] == "о возврате средств, списанных за неподключённую подписку", "\(lines[title + 1])")
        #expect(!letter.contains("Претензия о"))
        let uk = try LetterTestSupport.maker.text(claim: try claim("uk-mobile-roaming"), seal: .zero, bundleName: "b.zip")
        #expect(!uk.contains("Претензія щодо"), "\(uk)")
        #expect(LetterContext.subjectLine("Жалоба: на нарушение срока", prefixes: ["Претензия", "Жалоба"]) == "на нарушение срока")
        #expect(LetterContext.subjectLine("Претензионный порядок", prefixes: ["Претензия"]) == "Претензионный порядок")
    }

    /// `init`'s hint does not suggest a subject the title already says.
    @Test(arguments: Language.allCases)
    func theInitHintDoesNotRepeatTheTitle(_ language: Language) throws {
        let template = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Templates/\(language.rawValue)/claim.yaml.mustache"), encoding: .utf8)
        let subject = try #require(template.split(separator: "\n").first { $0.hasPrefix("subject:") })
        let hint = subject.dropFirst("subject:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"<"))
        for word in ["Претензия", "Претензія", "Жалоба", "Скарга", "Letter before"] { #expect(!hint.hasPrefix(word), "\(subject)") }
    }

    /// The letter says how it was sent.
    @Test func theLetterSaysHowItWasSent() throws {
        var claim = try claim("ru-telecom-subscription")
        #expect(try text(claim).contains("Претензия направлена ценным письмом с описью вложения и уведомлением о вручении."))
        claim.delivery = DeliveryPlan(method: .email)
        #expect(try text(claim).contains("Претензия направлена по электронной почте"))
        #expect(try text(try self.claim("uk-mobile-roaming")).contains("цінним листом з описом вкладення та повідомленням про вручення"))
    }

    /// «Dear Sir or Madam» goes with «Yours faithfully», a named addressee with «Yours
    /// sincerely»; the full name is printed under the signature.
    @Test func englishSalutationsAndClosingsPair() throws {
        var claim = try claim("en-bank-duplicate-payment")
        var letter = try text(claim)
        #expect(letter.contains("Dear Sir or Madam,"), "\(letter)")
        #expect(letter.contains("Yours faithfully,"))
        #expect(!letter.contains("Yours sincerely"))
        #expect(letter.hasSuffix("Sarah Jane Thompson"), "\(letter)")
        claim.addressee.person = "Ms Jane Doe"
        letter = try text(claim)
        #expect(letter.contains("Dear Ms Doe,"), "\(letter)")
        #expect(letter.contains("Yours sincerely,"))
        #expect(!letter.contains("Yours faithfully") && !letter.contains("Sir or Madam"))
    }

    /// What the Practice Direction on Pre-Action Conduct asks a letter before claim to say.
    @Test func anEnglishLetterFollowsThePracticeDirection() throws {
        var claim = try claim("en-bank-duplicate-payment")
        claim.respondent.sector = .finance
        claim.responseDays = 14
        let letter = try text(claim)
        for phrase in ["Practice Direction on Pre-Action Conduct and Protocols", "How the amount is calculated", "= £649.00",
                       "within 14 days", "Financial Ombudsman Service", "costs"] {
            #expect(letter.contains(phrase), "«\(phrase)» missing: \(letter)")
        }
        // The purchase itself is `disputed: false`: only the duplicate is claimed and summed.
        #expect(!letter.contains("£1,298.00") && !letter.contains("TXN-8841 03/09/2026"), "\(letter)")
        #expect(letter.contains("14 Elm Grove Leeds LS6 2AB"))
        let raw = try LetterTestSupport.maker.text(claim: claim, seal: .zero, bundleName: "b.zip")
        #expect(raw.contains("14 Elm Grove\nLeeds\nLS6\u{00A0}2AB\n") || raw.contains("14 Elm Grove\nLeeds\nLS6 2AB\n"), "\(raw)")
    }

    /// The period, the act that gives it and the consequences come from the law table:
    /// a telecom claim in Russia is answered within 30 days of its registration.
    @Test func theLawGivesThePeriodTheCitationAndTheConsequences() throws {
        let telecom = try text(try claim("ru-telecom-subscription"))
        #expect(telecom.contains("в течение 30 дней с момента её регистрации (п. 7 ст. 55 Федерального закона от 07.07.2003 № 126-ФЗ «О связи»)."), "\(telecom)")
        let complaint = try text(try claim("ru-city-portal-complaint"))
        #expect(complaint.contains("со дня регистрации жалобы (") && complaint.contains("59-ФЗ"), "\(complaint)")
        let uk = try text(try claim("uk-mobile-roaming"))
        #expect(uk.contains("протягом одного місяця з дня її отримання ("), "\(uk)")
        var goods = try claim("ru-telecom-subscription")
        goods.respondent.sector = .goods
        goods.responseDays = 10
        let letter = try text(goods)
        #expect(letter.contains("неустойку в размере 1 % цены товара"), "\(letter)")
        #expect(letter.contains("(ст. 22 Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей»)"), "\(letter)")
    }

    @Test func americanLettersUseAmericanDatesAndCertifiedMail() throws {
        var claim = try claim("en-bank-duplicate-payment")
        claim.jurisdiction = .us
        let letter = try text(claim)
        #expect(letter.contains("November 19, 2026"), "\(letter)")
        #expect(letter.contains("Certified Mail"), "\(letter)")
        #expect(!letter.contains("Practice Direction"))
    }
}

/// A statutory penalty or interest rate, as the law of a jurisdiction sets it for a sector,
/// with the law cited and where the figure was checked.
public struct PenaltyRule: Sendable, Hashable {
    /// How the rate runs.
    public enum Rate: Sendable, Hashable {
        /// A percentage of the base for each day, in hundredths of a percent (3 % is 300).
        case perDay(basisPoints: Int)
        /// A percentage of the base a year, in hundredths of a percent, charged daily as
        /// `base × rate × days ÷ daysInYear` (8 % a year over 365 days).
        case perYear(basisPoints: Int, daysInYear: Int)
    }

    /// What the rule is, as a stable word: `ru-services`, `ru-goods`, `ua-services`, …
    public let id: String
    public let rate: Rate
    /// The most the penalty may reach, in percent of the base (100: never more than the
    /// price), or `nil` when the law sets no cap.
    public let capPercent: Int?
    /// The law, cited as a court expects it.
    public let law: String
    /// Where the figures were checked.
    public let source: String
    /// Whether the rate, the cap and their application to the sector were confirmed in the
    /// statute or an authority's page; `false` means the row must be checked by a lawyer.
    public let confirmed: Bool

    public init(id: String, rate: Rate, capPercent: Int?, law: String, source: String, confirmed: Bool) {
        self.id = id
        self.rate = rate
        self.capPercent = capPercent
        self.law = law
        self.source = source
        self.confirmed = confirmed
    }

    /// The rule for a claim of `sector` under the law of `jurisdiction`, or `nil` where no
    /// statutory penalty applies that claimpack can compute (ru and ua finance and state
    /// bodies, the United States). docs/escalation.md explains each choice.
    public static func statutory(jurisdiction: Jurisdiction, sector: Sector) -> PenaltyRule? {
        switch (jurisdiction, sector) {
        case (.ru, .goods): ruGoods
        case (.ru, .services), (.ru, .utilities): ruServices
        case (.ru, .telecom): ruTelecom
        case (.ua, .goods): uaGoods
        case (.ua, .services), (.ua, .utilities), (.ua, .telecom): uaServices
        case (.gb, _): gbStatutoryInterest
        default: nil
        }
    }

    /// ЗоЗПП ст. 28 п. 5 and ст. 31 п. 3: 3 % of the price of the service a day, never more
    /// than that price.
    public static let ruServices = PenaltyRule(
        id: "ru-services", rate: .perDay(basisPoints: 300), capPercent: 100,
        law: "п. 5 ст. 28, п. 3 ст. 31 Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей»",
        source: "ст. 28 п. 5 (3 % за день): https://pravoved.ru/question/3816081 (текст пункта); 3 % за работы и услуги: https://xarovskij-r19.gosweb.gosuslugi.ru/dlya-zhiteley/novosti-i-reportazhi/novosti_431.html; ст. 31 п. 3: https://xn----htbbaoqmdgahe1b.xn--p1ai/zakon-o-zashhite-prav-potrebitelej-statya-31.html; cap (не более цены услуги): ст. 28 п. 5 абз. 4, seen only in secondary pages",
        confirmed: true)

    /// The same 3 % rule applied to a telecom operator: the law on communications (126-ФЗ
    /// ст. 55) sets the claim procedure but no penalty, and whether ЗоЗПП's penalty applies
    /// to an operator's refund is disputed in the courts; a lawyer must confirm it.
    public static let ruTelecom = PenaltyRule(
        id: "ru-telecom", rate: .perDay(basisPoints: 300), capPercent: 100,
        law: "п. 5 ст. 28, п. 3 ст. 31 Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей» (в части, не урегулированной Федеральным законом от 07.07.2003 № 126-ФЗ «О связи»)",
        source: "not confirmed: 126-ФЗ «О связи» ст. 55 (claim procedure) sets no penalty; see docs/escalation.md",
        confirmed: false)

    /// ЗоЗПП ст. 23 п. 1: 1 % of the price of the goods a day; the law sets no cap.
    public static let ruGoods = PenaltyRule(
        id: "ru-goods", rate: .perDay(basisPoints: 100), capPercent: nil,
        law: "п. 1 ст. 23 Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей»",
        source: "1 % за просрочку требований при продаже некачественного товара: https://xarovskij-r19.gosweb.gosuslugi.ru/dlya-zhiteley/novosti-i-reportazhi/novosti_431.html (the text of ст. 23 itself not found in the stored pages)",
        confirmed: true)

    /// ЗУ «Про захист прав споживачів» ст. 10 ч. 5: 3 % of the price of the work or
    /// service a day.
    public static let uaServices = PenaltyRule(
        id: "ua-services", rate: .perDay(basisPoints: 300), capPercent: nil,
        law: "ч. 5 ст. 10 Закону України від 12.05.1991 № 1023-XII «Про захист прав споживачів»",
        source: "3 % a day: http://fides.com.ua/fds/index.php/component/kunena/11-dogovir-vikonannya-pripinennya-nedijsnist/1130-pozov-pro-zakhist-prav-spozhivacha-shtraf (secondary); the text of ч. 5 ст. 10 and whether a cap applies not found in the stored pages",
        confirmed: false)

    /// ЗУ «Про захист прав споживачів» ст. 8: 1 % of the price of the goods a day.
    public static let uaGoods = PenaltyRule(
        id: "ua-goods", rate: .perDay(basisPoints: 100), capPercent: nil,
        law: "ст. 8 Закону України від 12.05.1991 № 1023-XII «Про захист прав споживачів»",
        source: "not found in the stored pages (1 % of the goods' price a day is the figure commonly cited for ст. 8); see docs/escalation.md",
        confirmed: false)

    /// County Courts Act 1984 s. 69: simple interest at 8 % a year, claimed daily.
    public static let gbStatutoryInterest = PenaltyRule(
        id: "gb-statutory-interest", rate: .perYear(basisPoints: 800, daysInYear: 365), capPercent: nil,
        law: "section 69 of the County Courts Act 1984",
        source: "8 % a year, simple, ÷ 365: http://www.solicitorsinswindon.com/civil-litigation/; http://the-uncensored-wiki.com:20082/articles/c/o/u/County_Courts_Act_1984_df93.html; CPR 16.4(2) (rate, dates, amount, daily rate): https://www.lawgazette.co.uk/news/money-doesnt-stand-still/29619.article. s. 69 itself leaves the rate to the court: 8 % is the rate claimants use",
        confirmed: true)
}

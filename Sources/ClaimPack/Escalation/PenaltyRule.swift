/// A statutory penalty or interest rate, as the law of a jurisdiction sets it for a sector,
/// with the law cited and where the figure was checked: a row of the `penalties:` section of
/// `Templates/law/<jurisdiction>.yaml` (`LegalProvisions.penaltyRule(jurisdiction:sector:)`);
/// no rate lives in code.
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
    /// Where the figures were read.
    public let sources: [LegalSource]
    /// Whether the rate, the cap and their application to the sector were confirmed in the
    /// statute or an authority's page; `false` means the row must be checked by a lawyer.
    public let confirmed: Bool

    public init(id: String, rate: Rate, capPercent: Int?, law: String, sources: [LegalSource], confirmed: Bool) {
        self.id = id
        self.rate = rate
        self.capPercent = capPercent
        self.law = law
        self.sources = sources
        self.confirmed = confirmed
    }
}

/// A regulator or ombudsman a complaint can go to, as `Templates/<language>/authorities.yaml`
/// describes it: where to write, under which law, how long it has to answer, and where each
/// fact was checked.
public struct Authority: Sendable, Hashable {
    /// The time the authority has to answer: calendar days, working days, or months.
    public enum AnswerPeriod: Sendable, Hashable {
        case calendarDays(Int)
        case workingDays(Int)
        case months(Int)
    }

    /// The stable key `--authority` takes, for example `rospotrebnadzor`.
    public let key: String
    /// The name in the file's language.
    public let name: String
    /// The postal address, as the post of the authority's country writes it.
    public let address: String
    /// The web reception (online complaint form), when there is one.
    public let web: String?
    public let jurisdiction: Jurisdiction
    /// The sectors of `jurisdiction` whose complaints go here by default.
    public let sectors: [Sector]
    /// The law the complaint is made under.
    public let law: String
    /// The answer period, or `nil` when the law sets none.
    public let answer: AnswerPeriod?
    /// Where the facts were checked: addresses of pages, each with what it confirms.
    public let sources: [String]
    /// Whether every fact of the row was found in the sources; `false` rows say in `notes`
    /// what is missing.
    public let confirmed: Bool
    public let notes: String?
}

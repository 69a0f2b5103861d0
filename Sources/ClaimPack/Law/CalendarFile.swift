/// `Templates/law/calendars/<jurisdiction>.yaml` as written (docs/law.md).
struct CalendarFile: Decodable, Sendable {
    struct Year: Decodable, Sendable {
        let year: Int
        /// Monday … Friday days that are not working days.
        let daysOff: [CalendarDate]
        /// Saturdays and Sundays that are working days.
        let workingWeekendDays: [CalendarDate]?
        /// Whether every day of the year was read in the decree or the code.
        let confirmed: Bool
        let sources: [LawTableFile.Source]

        enum CodingKeys: String, CodingKey {
            case year, confirmed
            case daysOff = "days_off"
            case workingWeekendDays = "working_weekend_days"
            case sources
        }
    }

    let jurisdiction: Jurisdiction
    let years: [Year]
}

/// The `--date` of `deliver`: an ISO 8601 date or date-time, or `today` or `yesterday`;
/// a date written day first or a time without its offset is answered with the fix.
public enum DeliveryDate {
    /// Why a `--date` is refused, with the value to write instead when there is one.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The event time `text` names, `today` and `yesterday` counted from `today`.
    public static func parse(_ text: String, today: CalendarDate) -> Result<EventTime, Problem> {
        switch text.lowercased() {
        case "today": return .success(EventTime(date: today))
        case "yesterday": return .success(EventTime(date: today.adding(days: -1)))
        default: break
        }
        switch EventTime.parse(text) {
        case .success(let time):
            return .success(time)
        case .failure(.missingOffset):
            return .failure(Problem(description: "--date \"\(text)\" has a time but no UTC offset; add it: \(text)\(ValueRepair.currentOffset()) with this computer's offset now (Moscow is +03:00)"))
        case .failure(.malformed):
            if let meant = ValueRepair.dottedDate(text) {
                return .failure(Problem(description: "--date \"\(text)\" is written day first; write it as \(meant) (YYYY-MM-DD)"))
            }
            return .failure(Problem(description: "--date takes YYYY-MM-DD, YYYY-MM-DDTHH:MM+03:00, today or yesterday, not \"\(text)\""))
        }
    }

    /// Whether `text` is one of the words rather than a date (the date is then printed).
    public static func isWord(_ text: String) -> Bool {
        ["today", "yesterday"].contains(text.lowercased())
    }
}

/// When something happened: a calendar date, or a date and time with its UTC offset,
/// as in `at: 2026-10-01` or `at: 2026-10-01T10:15+03:00`.
public struct EventTime: Sendable, Hashable, CustomStringConvertible {
    /// The local date as written.
    public let date: CalendarDate
    /// Seconds since local midnight, when a time was given.
    public let secondsOfDay: Int?
    /// The UTC offset in minutes, present exactly when a time was given.
    public let offsetMinutes: Int?

    /// Why a text is not an event time.
    public enum ParseFailure: Error, Sendable {
        /// Not ISO 8601 at all, or a day or time that does not exist.
        case malformed
        /// A date and time with no UTC offset.
        case missingOffset
    }

    /// A date with no time.
    public init(date: CalendarDate) {
        self.date = date
        self.secondsOfDay = nil
        self.offsetMinutes = nil
    }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z`, `±HH:MM`
    /// or `±HHMM`. A space may stand for the `T`. The fraction is accepted and dropped.
    public static func parse(_ text: String) -> Result<EventTime, ParseFailure> {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10, let date = CalendarDate(iso: String(String.UnicodeScalarView(scalars[0..<10])))
        else { return .failure(.malformed) }
        if scalars.count == 10 { return .success(EventTime(date: date)) }
        guard ["T", "t", " "].contains(scalars[10]) else { return .failure(.malformed) }
        var rest = String(String.UnicodeScalarView(scalars[11...]))[...]

        func takeTwoDigits() -> Int? {
            guard rest.count >= 2 else { return nil }
            let digits = rest.prefix(2)
            guard digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
            rest = rest.dropFirst(2)
            return value
        }
        guard let hour = takeTwoDigits(), rest.first == ":" else { return .failure(.malformed) }
        rest = rest.dropFirst()
        guard let minute = takeTwoDigits() else { return .failure(.malformed) }
        var second = 0
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard let value = takeTwoDigits() else { return .failure(.malformed) }
            second = value
            if rest.first == "." || rest.first == "," {
                rest = rest.dropFirst()
                let fraction = rest.prefix(while: \.isASCIIDigit)
                guard !fraction.isEmpty else { return .failure(.malformed) }
                rest = rest.dropFirst(fraction.count)
            }
        }
        guard hour < 24, minute < 60, second < 60 else { return .failure(.malformed) }
        let offset: Int
        if rest.isEmpty {
            return .failure(.missingOffset)
        } else if rest == "Z" || rest == "z" {
            offset = 0
        } else if let sign = rest.first, sign == "+" || sign == "-" {
            rest = rest.dropFirst()
            guard let offsetHours = takeTwoDigits() else { return .failure(.malformed) }
            if rest.first == ":" { rest = rest.dropFirst() }
            guard let offsetMinutes = takeTwoDigits(), rest.isEmpty, offsetHours <= 18, offsetMinutes < 60
            else { return .failure(.malformed) }
            offset = (sign == "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
        } else {
            return .failure(.malformed)
        }
        return .success(EventTime(date: date, secondsOfDay: hour * 3600 + minute * 60 + second, offsetMinutes: offset))
    }

    private init(date: CalendarDate, secondsOfDay: Int, offsetMinutes: Int) {
        self.date = date
        self.secondsOfDay = secondsOfDay
        self.offsetMinutes = offsetMinutes
    }

    /// Seconds since the Unix epoch, when a time was given.
    public var instant: Int? {
        guard let secondsOfDay, let offsetMinutes else { return nil }
        return date.daysSinceEpoch * 86_400 + secondsOfDay - offsetMinutes * 60
    }

    /// Whether this is known to be earlier than `other`: by instant when both have a time,
    /// otherwise by local date (a date alone covers its whole day).
    public func isEarlier(than other: EventTime) -> Bool {
        if let mine = instant, let theirs = other.instant { return mine < theirs }
        return date < other.date
    }

    /// The canonical text: `2026-10-01` or `2026-10-01T10:15:00+03:00`.
    public var description: String {
        guard let secondsOfDay, let offsetMinutes else { return date.description }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(date)T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))"
            + "\(sign)\(two(offset / 60)):\(two(offset % 60))"
    }
}

internal import Foundation

/// What a value written the way people write it by hand was meant to be, for the "write it
/// as …" of a diagnostic: `01.11.2026` is `2026-11-01`, `"1 250,50"` is `"1250.50"`.
enum ValueRepair {
    /// `DD.MM.YYYY` (or `D.M.YYYY`), as dates are written in Russian and Ukrainian, as the
    /// date it names; `nil` for anything else or a day that does not exist.
    static func dottedDate(_ text: String) -> CalendarDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// An amount written with digit groups (spaces, no-break spaces, apostrophes, or commas
    /// before a decimal point) and a decimal comma, as the amount it names: `1 250,50`,
    /// `1,250.50` and `1500,00` are `1250.50`, `1250.50` and `1500.00`.
    static func amount(_ text: String) -> DecimalAmount? {
        let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’"]
        var compact = String(text.filter { !groupSeparators.contains($0) })
        if compact.contains(".") {
            // 1,250.50: commas group thousands.
            compact.removeAll { $0 == "," }
        } else if compact.filter({ $0 == "," }).count == 1 {
            compact = compact.replacingOccurrences(of: ",", with: ".")
        }
        guard compact != text, let amount = DecimalAmount(compact) else { return nil }
        return amount
    }

    /// This machine's current UTC offset, as ISO 8601 writes it: `+03:00`, `-05:00`, `+00:00`.
    static func currentOffset(_ zone: TimeZone = .current) -> String {
        let seconds = zone.secondsFromGMT()
        let minutes = abs(seconds) / 60
        let sign = seconds < 0 ? "-" : "+"
        return sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}

/// A money amount kept exactly as the decimal string the user wrote, never as a float:
/// digits with an optional fraction, as in `"1500.00"`.
public struct DecimalAmount: Sendable, Hashable, CustomStringConvertible {
    /// The amount as written, for example `1500.00`.
    public let text: String

    /// An amount, or `nil` when the text is not digits with an optional `.` fraction.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              text.count <= 32
        else { return nil }
        self.text = text
    }

    /// The amount in units of 10^-`scale`, for exact sums; `nil` if it has more fraction
    /// digits than `scale` or does not fit.
    public func minorUnits(scale: Int) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= scale else { return nil }
        let padded = String(parts[0]) + fraction + String(repeating: "0", count: scale - fraction.count)
        return Int(padded)
    }

    public var description: String { text }
}

/// An exact sum of money in minor units (kopecks, kopiyky, pence, cents) of one currency.
///
/// Every currency claimpack computes with has two fraction digits, so `units` is the
/// amount × 100. Arithmetic checks for overflow and never uses floating point.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in hundredths of the currency's unit.
    public let units: Int
    public let currency: CurrencyCode

    /// Fraction digits of every amount: two, for RUB, UAH, GBP, USD and EUR alike.
    public static let scale = 2

    /// An amount; money here is never negative.
    public init(units: Int, currency: CurrencyCode) {
        precondition(units >= 0, "money is never negative here")
        self.units = units
        self.currency = currency
    }

    /// An amount as written in `claim.yaml`, or `nil` when it has more than two fraction
    /// digits or does not fit.
    public init?(_ amount: DecimalAmount, currency: CurrencyCode) {
        guard let units = amount.minorUnits(scale: Money.scale) else { return nil }
        self.init(units: units, currency: currency)
    }

    /// Zero in `currency`.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(units: 0, currency: currency) }

    /// The amount with two fraction digits, as in `1500.00`.
    public var decimal: DecimalAmount {
        let fraction = units % 100
        // Digits, a point and two digits: always a valid DecimalAmount.
        return DecimalAmount("\(units / 100).\(fraction < 10 ? "0" : "")\(fraction)")!
    }

    /// The sum, or `nil` on a currency mismatch or an overflow.
    public func adding(_ other: Money) -> Money? {
        guard other.currency == currency else { return nil }
        let (sum, overflow) = units.addingReportingOverflow(other.units)
        return overflow ? nil : Money(units: sum, currency: currency)
    }

    /// `self − other`, or `nil` on a currency mismatch or when `other` is larger.
    public func subtracting(_ other: Money) -> Money? {
        guard other.currency == currency, other.units <= units else { return nil }
        return Money(units: units - other.units, currency: currency)
    }

    /// The smaller of two amounts of one currency.
    public static func min(_ a: Money, _ b: Money) -> Money { a.units <= b.units ? a : b }

    /// `units × numerator ÷ denominator`, rounded to a whole minor unit half up (half a
    /// kopeck or more goes up, less goes down); `nil` on overflow. For non-negative values.
    public func scaled(by numerator: Int, over denominator: Int) -> Money? {
        guard let units = ExactRatio.roundedHalfUp(units, times: numerator, over: denominator) else { return nil }
        return Money(units: units, currency: currency)
    }

    public var description: String { "\(decimal) \(currency)" }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }
}

/// Exact integer products and quotients for money: one rounding, at the end, half up.
enum ExactRatio {
    /// `value × numerator ÷ denominator` for non-negative operands, rounded half up
    /// (a remainder of at least half the denominator rounds up); `nil` on overflow.
    static func roundedHalfUp(_ value: Int, times numerator: Int, over denominator: Int) -> Int? {
        precondition(value >= 0 && numerator >= 0 && denominator > 0, "money is never negative here")
        let (product, overflow) = value.multipliedReportingOverflow(by: numerator)
        guard !overflow else { return nil }
        let quotient = product / denominator
        let remainder = product % denominator
        return remainder * 2 >= denominator ? quotient + 1 : quotient
    }

    /// `value × a × b ÷ denominator`, rounded half up; `nil` on overflow.
    static func roundedHalfUp(_ value: Int, times a: Int, _ b: Int, over denominator: Int) -> Int? {
        let (numerator, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { return nil }
        return roundedHalfUp(value, times: numerator, over: denominator)
    }
}

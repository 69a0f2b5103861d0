/// Check-digit rules of the state registry numbers a respondent may carry.
///
/// Each function returns `nil` when the number is valid, or a message saying what is wrong,
/// ready for a diagnostic. A wrong check digit is never answered with the digit that would
/// make the number pass: one digit mistyped anywhere gives a wrong check digit, and
/// "correcting" the last one makes a valid number of another company.
public enum RegistryNumber {
    /// Russian INN (ИНН): 10 digits for an organisation, 12 for a person or sole trader.
    public static func innProblem(_ text: String) -> String? {
        guard let digits = digits(of: text), digits.count == 10 || digits.count == 12 else {
            return "an INN has 10 digits (organisation) or 12 (person)"
        }
        func checkDigit(_ weights: [Int]) -> Int {
            zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10
        }
        if digits.count == 10 {
            let expected = checkDigit([2, 4, 10, 3, 5, 9, 4, 6, 8])
            return expected == digits[9] ? nil : mistyped("the 10th digit")
        }
        let eleventh = checkDigit([7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
        let twelfth = checkDigit([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
        if eleventh != digits[10] || twelfth != digits[11] { return mistyped("the 11th and 12th digits") }
        return nil
    }

    /// Russian OGRN (ОГРН, 13 digits) or OGRNIP (ОГРНИП, 15 digits).
    public static func ogrnProblem(_ text: String) -> String? {
        guard let digits = digits(of: text), digits.count == 13 || digits.count == 15 else {
            return "an OGRN has 13 digits (ОГРНИП: 15)"
        }
        let modulus = digits.count == 13 ? 11 : 13
        // The body has at most 14 digits: it fits an Int.
        let body = digits.dropLast().reduce(0) { $0 * 10 + $1 }
        let expected = body % modulus % 10
        return expected == digits.last! ? nil : mistyped("the last digit")
    }

    /// Ukrainian EDRPOU code (код ЄДРПОУ) of a legal entity: 8 digits.
    public static func edrpouProblem(_ text: String) -> String? {
        guard let digits = digits(of: text), digits.count == 8, let value = Int(text) else {
            return "an EDRPOU code has 8 digits"
        }
        let base = value < 30_000_000 || value > 60_000_000 ? [1, 2, 3, 4, 5, 6, 7] : [7, 1, 2, 3, 4, 5, 6]
        func remainder(_ weights: [Int]) -> Int { zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 }
        var expected = remainder(base)
        if expected == 10 { expected = remainder(base.map { $0 + 2 }) % 10 }
        return expected == digits[7] ? nil : mistyped("the 8th digit")
    }

    /// A check digit that does not agree with the others: some digit is mistyped.
    private static func mistyped(_ check: String) -> String {
        let verb = check.contains(" and ") ? "are check digits and do" : "is a check digit and does"
        return "\(check) \(verb) not agree with the others: a digit is mistyped, missing or two are swapped"
    }

    private static func digits(of text: String) -> [Int]? {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return text.compactMap(\.wholeNumberValue)
    }
}

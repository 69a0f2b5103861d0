/// A postal tracking number, checked by its carrier's check digit.
public struct TrackingNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number without spaces, letters in capitals.
    public let value: String
    public let carrier: Carrier

    /// Who carries the item.
    public enum Carrier: String, ClaimVocabulary {
        case russianPost = "russian-post"
        case ukrposhta
        case usps
        case royalMail = "royal-mail"
        case other

        /// The country whose national post this is; `nil` for `other`.
        public var country: Jurisdiction? {
            switch self {
            case .russianPost: .ru
            case .ukrposhta: .ua
            case .usps: .us
            case .royalMail: .gb
            case .other: nil
            }
        }

        /// The carrier's name in a sentence.
        public var name: String {
            switch self {
            case .russianPost: "Russian Post"
            case .ukrposhta: "Ukrposhta"
            case .usps: "USPS"
            case .royalMail: "Royal Mail"
            case .other: "another carrier"
            }
        }

        /// The national post of `jurisdiction`.
        public static func post(of jurisdiction: Jurisdiction) -> Carrier {
            switch jurisdiction {
            case .ru: .russianPost
            case .ua: .ukrposhta
            case .us: .usps
            case .gb: .royalMail
            }
        }
    }

    /// Why a tracking number is refused.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The check digit does not agree with the other digits. The right digit is not
        /// offered: typing it in would make a valid number of somebody else's item.
        case wrongCheckDigit(number: String, format: String)
        /// No known format, and the carrier is not `other`.
        case unknownFormat(number: String)
        /// 13 digits, the form of a Ukrposhta domestic number, without `ukrposhta` given.
        case ukrposhtaNotGiven(number: String)
        /// The format belongs to another carrier than the one given.
        case carrierMismatch(number: String, format: String, carrier: Carrier)

        public var description: String {
            switch self {
            case .wrongCheckDigit(let number, let format):
                "\(number): the check digit of this \(format) number does not agree with the others: a digit is mistyped or two are swapped; copy the number from the receipt again"
            case .unknownFormat(let number):
                "\(number): not a tracking number claimpack knows (Russian Post 14 digits, UPU S10 like RA123456785RU, USPS 20 or 22 digits, Ukrposhta 13 digits); check it, or give --carrier other"
            case .ukrposhtaNotGiven(let number):
                "\(number): 13 digits, as a Ukrposhta domestic number has; give --carrier ukrposhta (its check digit is not published, so it is taken as given)"
            case .carrierMismatch(let number, let format, let carrier):
                "\(number): a \(format) number, not one of \(carrier.rawValue); check --carrier"
            }
        }
    }

    public var description: String { value }

    /// Checks `text` (spaces ignored, letters in any case); the carrier is inferred from
    /// the format when not given.
    public init(_ text: String, carrier given: Carrier? = nil) throws(Problem) {
        let value = text.filter { !$0.isWhitespace && $0 != "-" }.uppercased()
        let digitsOnly = !value.isEmpty && value.allSatisfy(\.isASCIIDigit)
        if given == .other {
            guard !value.isEmpty, value.count <= 40, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw .unknownFormat(number: text)
            }
            self.value = value
            carrier = .other
            return
        }
        let (format, inferred): (String, Carrier)
        if digitsOnly, value.count == 14 {
            (format, inferred) = ("Russian Post", .russianPost)
            try TrackingNumber.check(value, expected: TrackingNumber.russianPostCheckDigit(value), format: format)
        } else if TrackingNumber.isS10(value) {
            let country = String(value.suffix(2))
            inferred = ["RU": .russianPost, "UA": .ukrposhta, "GB": .royalMail, "US": .usps][country] ?? .other
            format = "UPU S10"
            try TrackingNumber.check(value, at: 10, expected: TrackingNumber.s10CheckDigit(value), format: format)
        } else if digitsOnly, value.count == 20 || value.count == 22 {
            (format, inferred) = ("USPS", .usps)
            try TrackingNumber.check(value, expected: TrackingNumber.mod10CheckDigit(value), format: format)
        } else if digitsOnly, value.count == 13 {
            // Ukrposhta's domestic barcode: its check rule is not published; accepted as given
            // when the carrier is named, since 13 digits alone prove nothing.
            guard given == .ukrposhta else { throw .ukrposhtaNotGiven(number: value) }
            (format, inferred) = ("Ukrposhta", .ukrposhta)
        } else {
            throw .unknownFormat(number: text)
        }
        if let given, given != inferred, !(format == "UPU S10" && inferred == .other) {
            throw .carrierMismatch(number: value, format: format, carrier: given)
        }
        self.value = value
        carrier = given ?? inferred
    }

    private static func check(_ value: String, at index: Int? = nil, expected: Character, format: String) throws(Problem) {
        let characters = Array(value)
        let position = index ?? characters.count - 1
        if characters[position] != expected { throw .wrongCheckDigit(number: value, format: format) }
    }

    /// Russian Post (14 digits): 3 × (digits in odd positions) + (digits in even positions)
    /// over the first 13; the check digit is (10 − sum mod 10) mod 10.
    static func russianPostCheckDigit(_ value: String) -> Character {
        let digits = value.prefix(13).compactMap(\.wholeNumberValue)
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 3 : 1) }
        return Character(String((10 - sum % 10) % 10))
    }

    /// UPU S10: two letters, eight digits, a check digit, a country code. Weights
    /// 8 6 4 2 3 5 9 7; the check digit is 11 − sum mod 11, with 10 → 0 and 11 → 5.
    static func s10CheckDigit(_ value: String) -> Character {
        let digits = Array(value)[2..<10].compactMap(\.wholeNumberValue)
        let sum = zip(digits, [8, 6, 4, 2, 3, 5, 9, 7]).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        return Character(String(check == 10 ? 0 : check == 11 ? 5 : check))
    }

    /// USPS (20 or 22 digits), the GS1 mod 10: from the digit next to the check digit
    /// leftwards, weights 3 and 1 alternating; the check digit is (10 − sum mod 10) mod 10.
    static func mod10CheckDigit(_ value: String) -> Character {
        let digits = value.dropLast().compactMap(\.wholeNumberValue).reversed()
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 3 : 1) }
        return Character(String((10 - sum % 10) % 10))
    }

    private static func isS10(_ value: String) -> Bool {
        let characters = Array(value)
        guard characters.count == 13 else { return false }
        return characters[0..<2].allSatisfy { $0.isASCII && $0.isLetter } && characters[2..<11].allSatisfy(\.isASCIIDigit)
            && characters[11..<13].allSatisfy { $0.isASCII && $0.isLetter }
    }
}

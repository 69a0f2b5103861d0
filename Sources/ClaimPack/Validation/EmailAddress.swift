/// A plain check of e-mail addresses: `local@domain.tld`, no spaces, labels of letters,
/// digits and hyphens (internationalised domains such as `почта.рф` included).
public enum EmailAddress {
    /// Whether `text` has the shape of an e-mail address.
    public static func isValid(_ text: String) -> Bool {
        let halves = text.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, let local = halves.first, let domain = halves.last,
              (1...64).contains(local.count), (1...253).contains(domain.count),
              !local.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } || "<>()[]\\,;:\"".contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else { return false }
        }
        return labels.last!.count >= 2 && labels.last!.allSatisfy(\.isLetter)
            || labels.last!.hasPrefix("xn--")
    }
}

internal import Foundation

/// An address as the envelope of the claim's country writes it.
///
/// Russian and Ukrainian addresses stay as written (the postcode first, then the place and
/// the street), with the postcode also in the box. A UK address is one element a line with
/// the postcode whole on its own last line (Royal Mail); a US address is one element a
/// line with the city, state and ZIP code together on the last (USPS Publication 28). For
/// domestic mail — both addresses in the country — a trailing country line is dropped.
enum PostalAddress {
    /// The lines of `address` on an envelope under `jurisdiction`; `other` is the address at
    /// the other end, which decides whether the mail is domestic.
    static func lines(_ address: String, jurisdiction: Jurisdiction, other: String) -> String {
        switch jurisdiction {
        case .ru, .ua:
            return address
        case .gb:
            var parts = dropCountry(elements(address), names: ["united kingdom", "uk", "great britain", "gb", "england", "scotland", "wales", "northern ireland"],
                                    domestic: isUK(address) && isUK(other))
            if let last = parts.last, let range = last.range(of: ukPostcode, options: .regularExpression) {
                let town = last[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                parts.removeLast()
                if !town.isEmpty { parts.append(town) }
                parts.append(last[range].replacingOccurrences(of: " ", with: "\u{00A0}"))
            }
            return parts.joined(separator: "\n")
        case .us:
            var parts = dropCountry(elements(address), names: ["usa", "us", "united states", "united states of america"],
                                    domestic: isUS(address) && isUS(other))
            if parts.count >= 2, parts[parts.count - 1].range(of: #"^[A-Z]{2} \d{5}(-\d{4})?$"#, options: .regularExpression) != nil {
                let state = parts.removeLast()
                parts[parts.count - 1] += ", " + state
            }
            return parts.joined(separator: "\n")
        }
    }

    /// A UK postcode at the end of a line: `LS6 2AB`, `M1 1AA`, `EC1A 1BB`.
    static let ukPostcode = #"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"#

    private static func elements(_ address: String) -> [String] {
        address.split(whereSeparator: { $0 == "," || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func dropCountry(_ parts: [String], names: Set<String>, domestic: Bool) -> [String] {
        guard domestic, parts.count > 1, let last = parts.last, names.contains(last.lowercased()) else { return parts }
        return Array(parts.dropLast())
    }

    private static func isUK(_ address: String) -> Bool {
        elements(address).contains { $0.range(of: ukPostcode, options: .regularExpression) != nil }
    }

    private static func isUS(_ address: String) -> Bool {
        address.range(of: #"\b[A-Z]{2} \d{5}(-\d{4})?\b"#, options: .regularExpression) != nil
    }
}

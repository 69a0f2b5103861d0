internal import Foundation

extension String {
    /// The string in Unicode NFC. Text made only of characters that are NFC whatever
    /// stands around them — below U+0300 (ASCII, Latin-1, Latin Extended) and the Cyrillic
    /// letters (U+0400–U+052F but the combining marks U+0483–U+0489) — is returned as it
    /// is: Foundation's normalisation costs microseconds per call, which adds up over
    /// thousands of file names. (Checked against Unicode's data: none of these characters
    /// changes under NFC, alone or next to another of them.)
    var nfc: String {
        utf8.allSatisfy { $0 < 0x80 } || unicodeScalars.allSatisfy(\.isNormalizedAnywhere)
            ? self : precomposedStringWithCanonicalMapping
    }
}

extension Unicode.Scalar {
    /// Whether the character is NFC and composes with no neighbour (see `String.nfc`).
    fileprivate var isNormalizedAnywhere: Bool {
        value < 0x300 || (0x400..<0x483).contains(value) || (0x48A..<0x530).contains(value)
    }
}

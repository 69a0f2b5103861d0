internal import Foundation

extension String {
    /// The string in Unicode NFC. Plain ASCII is NFC already, and is returned as it is:
    /// Foundation's normalisation costs microseconds per call, which adds up over thousands
    /// of file names.
    var nfc: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}

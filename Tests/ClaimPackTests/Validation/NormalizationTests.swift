import Foundation
import Testing
@testable import ClaimPack

/// `String.nfc` returns text it knows to be NFC as it is, and normalises the rest with
/// Foundation: both give Foundation's answer.
struct NormalizationTests {
    @Test(arguments: [
        "plain.txt", "Straße café.pdf", "скриншот-личного-кабинета.png", "ї є ґ Ђ Ѳ ҉ Ԯ",
        "и\u{306}", "e\u{301}", "Å", "\u{212B}", "ﬁ", "中文", "\u{37E}", "ε\u{301}", "ӂ\u{483}",
    ])
    func nfcIsFoundationsNFC(_ text: String) {
        let expected = text.precomposedStringWithCanonicalMapping
        #expect(Array(text.nfc.utf8) == Array(expected.utf8), "\(text.debugDescription)")
    }
}

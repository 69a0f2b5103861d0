@testable import ClaimPack
import Testing

/// The no-break rules of `Typography`: file names kept whole.
struct TypographyTests {
    @Test func aFileNameGetsWordJoinersAfterItsHyphensAndSlashes() {
        #expect(Typography.apply("(файл c-ru.zip)") == "(файл c-\u{2060}ru.zip)")
        #expect(Typography.apply("«evidence/call-notes.md»,") == "«evidence/\u{2060}call-\u{2060}notes.md»,")
        // Not names: an id, a date range, a word with a hyphen; a name without a hyphen.
        for text in ["Reference: CASE-2026-440173.", "20/01/2027–15/02/2027", "e-mail, Sort code: 00-00-00", "the file claim.zip"] {
            #expect(!Typography.apply(text).contains("\u{2060}"), "\(text)")
        }
        // The plain-text letter wraps only at spaces and keeps names as typed.
        #expect(Typography.apply("(file c-ru.zip)", keepNamesWhole: false) == "(file c-ru.zip)")
    }
}

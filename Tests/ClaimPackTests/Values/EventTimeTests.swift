import Testing
@testable import ClaimPack

@Test(arguments: [
    ("2026-10-01", "2026-10-01"),
    ("2026-10-01T10:15+03:00", "2026-10-01T10:15:00+03:00"),
    ("2026-10-01T10:15:30+0300", "2026-10-01T10:15:30+03:00"),
    ("2026-10-01t10:15:30.123Z", "2026-10-01T10:15:30+00:00"),
    ("2026-10-01 23:59:59-05:30", "2026-10-01T23:59:59-05:30"),
])
func eventTimeParsesISO8601(_ text: String, _ canonical: String) throws {
    let time = try EventTime.parse(text).get()
    #expect(time.description == canonical)
}

@Test func eventTimeWithoutOffsetIsRefused() {
    #expect(throws: EventTime.ParseFailure.missingOffset) { try EventTime.parse("2026-10-01T10:15").get() }
}

@Test(arguments: ["2026-10-01T24:00+03:00", "2026-10-01T10:60+03:00", "2026-10-01T10+03:00", "2026-10-01T10:15+3",
                  "2026-10-01T10:15+19:00", "2026-10-01X10:15Z", "01.10.2026", "2026-10-01T10:15:30.Z"])
func eventTimeRejectsMalformedText(_ text: String) {
    #expect(throws: EventTime.ParseFailure.malformed) { try EventTime.parse(text).get() }
}

@Test func eventTimesCompareByInstantAcrossOffsets() throws {
    let moscow = try EventTime.parse("2026-10-05T10:30+03:00").get()
    let utc = try EventTime.parse("2026-10-05T07:30Z").get()
    let earlier = try EventTime.parse("2026-10-05T07:29Z").get()
    let dayOnly = try EventTime.parse("2026-10-05").get()
    #expect(moscow.instant == utc.instant)
    #expect(!moscow.isEarlier(than: utc) && !utc.isEarlier(than: moscow))
    #expect(earlier.isEarlier(than: moscow))
    #expect(!dayOnly.isEarlier(than: moscow) && !moscow.isEarlier(than: dayOnly))
    #expect(try EventTime.parse("2026-10-04").get().isEarlier(than: moscow))
}

import Testing
@testable import ClaimPack

@Test(arguments: ["2026-11-21", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01"])
func calendarDateParsesValidDates(_ text: String) {
    #expect(CalendarDate(iso: text)?.description == text)
}

@Test(arguments: ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
                  "26-11-21", "2026/11/21", "2026-11-21T10:00", "２０２６-11-21", ""])
func calendarDateRejectsInvalidText(_ text: String) {
    #expect(CalendarDate(iso: text) == nil)
}

@Test func calendarDateDayNumbersRoundTrip() {
    // Every day from 1900 to 2100 maps to its day number and back, one day apart each.
    let start = CalendarDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
    let end = CalendarDate(year: 2100, month: 12, day: 31)!.daysSinceEpoch
    var previous: CalendarDate?
    for day in start...end {
        let date = CalendarDate(daysSinceEpoch: day)
        #expect(date.daysSinceEpoch == day)
        #expect(CalendarDate(iso: date.description) == date)
        if let previous { #expect(previous < date) }
        previous = date
    }
    #expect(CalendarDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    #expect(CalendarDate(iso: "2026-11-21")!.adding(days: 10).description == "2026-12-01")
}

import Foundation
import Testing
@testable import ClaimPack

struct ValueRepairTests {
    @Test func dayFirstDatesAreRead() {
        #expect(ValueRepair.dottedDate("01.11.2026") == CalendarDate(year: 2026, month: 11, day: 1))
        #expect(ValueRepair.dottedDate("1.1.2026") == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(ValueRepair.dottedDate("31.02.2026") == nil)
        #expect(ValueRepair.dottedDate("2026.11.01") == nil)
        #expect(ValueRepair.dottedDate("01/11/2026") == nil)
    }

    @Test func groupedAmountsAndDecimalCommasAreRead() {
        #expect(ValueRepair.amount("1 250,50")?.text == "1250.50")
        #expect(ValueRepair.amount("1\u{00A0}250,50")?.text == "1250.50")
        #expect(ValueRepair.amount("1,250.50")?.text == "1250.50")
        #expect(ValueRepair.amount("1500,00")?.text == "1500.00")
        #expect(ValueRepair.amount("1500.00") == nil, "nothing to repair")
        #expect(ValueRepair.amount("1,2,3") == nil)
        #expect(ValueRepair.amount("много") == nil)
    }

    @Test func offsetsAreWrittenAsISO8601() throws {
        #expect(ValueRepair.currentOffset(try #require(TimeZone(identifier: "Asia/Kolkata"))) == "+05:30")
        #expect(ValueRepair.currentOffset(try #require(TimeZone(secondsFromGMT: -5 * 3600))) == "-05:00")
        #expect(ValueRepair.currentOffset(try #require(TimeZone(secondsFromGMT: 0))) == "+00:00")
    }
}

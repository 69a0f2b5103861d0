import Testing
@testable import ClaimPack

struct AnswerDeadlineTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func weekdaysAreKnown() {
        #expect(date("2026-11-21").weekday == 5)  // a Saturday
        #expect(date("2026-11-23").weekday == 0)  // a Monday
        #expect(date("1970-01-01").weekday == 3)  // a Thursday
    }

    /// Worked by hand: 2026-11-25 (Wednesday) + 10 days = 2026-12-05, a Saturday, so the
    /// answer is due Monday 2026-12-07; + 30 days = 2026-12-25, a Friday, stays.
    @Test(arguments: [("2026-11-25", 10, "2026-12-05", "2026-12-07"), ("2026-11-25", 30, "2026-12-25", "2026-12-25"),
                      ("2026-11-26", 10, "2026-12-06", "2026-12-07"), ("2026-12-22", 10, "2027-01-01", "2027-01-01")])
    func dueDateMovesOffWeekends(_ delivered: String, _ days: Int, _ nominal: String, _ due: String) {
        let deadline = AnswerDeadline(deliveredOn: date(delivered), responseDays: days)
        #expect(deadline.nominalDue == date(nominal))
        #expect(deadline.due == date(due))
        #expect(deadline.wasMoved == (nominal != due))
    }

    @Test func statusFollowsTheRecord() {
        let seal = SHA256Digest.zero
        func record(_ events: [(DeliveryEvent.Kind, String)]) -> DeliveryRecord {
            DeliveryRecord(bundleID: "x", seal: seal, events: events.map { DeliveryEvent(kind: $0.0, at: EventTime(date: date($0.1))) })
        }
        let today = date("2026-12-10")
        #expect(ClaimStatus(record: record([(.prepared, "2026-11-20")]), responseDays: 10, today: today).state == .prepared)
        #expect(ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21")]), responseDays: 10, today: today).state == .sent)
        let delivered = ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21"), (.delivered, "2026-11-25")]),
                                    responseDays: 30, today: today)
        #expect(delivered.state == .delivered && delivered.daysLeft == 15)
        let overdue = ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21"), (.returned, "2026-11-25")]),
                                  responseDays: 10, today: today)
        #expect(overdue.state == .overdue && overdue.daysLeft == -3 && overdue.deadline?.due == date("2026-12-07"))
        let answered = ClaimStatus(record: record([(.prepared, "2026-11-20"), (.sent, "2026-11-21"), (.delivered, "2026-11-25"),
                                                   (.answered, "2026-12-09")]), responseDays: 10, today: today)
        #expect(answered.state == .answered && answered.daysLeft == nil)
    }
}

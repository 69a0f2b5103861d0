import Testing
@testable import ClaimPack

struct DeliveryRulesTests {
    let claimDate = CalendarDate(year: 2026, month: 11, day: 1)!
    let today = CalendarDate(year: 2026, month: 11, day: 21)!

    func event(_ kind: DeliveryEvent.Kind, _ day: Int) -> DeliveryEvent {
        DeliveryEvent(kind: kind, at: EventTime(date: CalendarDate(year: 2026, month: 11, day: day)!))
    }

    func check(_ kind: DeliveryEvent.Kind, day: Int, after kinds: [(DeliveryEvent.Kind, Int)]) throws(DeliveryError) {
        try DeliveryRules.check(kind, at: EventTime(date: CalendarDate(year: 2026, month: 11, day: day)!),
                                after: kinds.map { event($0.0, $0.1) }, claimDate: claimDate, today: today)
    }

    @Test func theOrderPreparedSentDeliveredAnsweredIsAccepted() throws {
        try check(.sent, day: 2, after: [(.prepared, 1)])
        try check(.delivered, day: 5, after: [(.prepared, 1), (.sent, 2)])
        try check(.returned, day: 20, after: [(.prepared, 1), (.sent, 2)])
        try check(.answered, day: 20, after: [(.prepared, 1), (.sent, 2), (.delivered, 5)])
        try check(.answered, day: 21, after: [(.prepared, 1), (.sent, 2), (.returned, 19)])
    }

    @Test(arguments: [
        (DeliveryEvent.Kind.sent, [(DeliveryEvent.Kind.prepared, 1), (.sent, 2)]),
        (.delivered, [(.prepared, 1)]),
        (.returned, [(.prepared, 1)]),
        (.delivered, [(.prepared, 1), (.sent, 2), (.delivered, 3)]),
        (.returned, [(.prepared, 1), (.sent, 2), (.delivered, 3)]),
        (.answered, [(.prepared, 1), (.sent, 2)]),
        (.answered, [(.prepared, 1), (.sent, 2), (.delivered, 3), (.answered, 4)]),
        (.prepared, [(.prepared, 1)]),
    ])
    func eventsOutOfOrderAreRefused(_ kind: DeliveryEvent.Kind, _ before: [(DeliveryEvent.Kind, Int)]) {
        #expect {
            try check(kind, day: 10, after: before)
        } throws: { error in
            if case .outOfOrder = error as? DeliveryError { return true }
            return false
        }
    }

    @Test(arguments: [(2026, 10, 31), (2026, 11, 22), (2027, 1, 1)])
    func datesBeforeTheClaimOrInTheFutureAreRefused(_ year: Int, _ month: Int, _ day: Int) {
        #expect {
            try DeliveryRules.check(.sent, at: EventTime(date: CalendarDate(year: year, month: month, day: day)!),
                                    after: [event(.prepared, 1)], claimDate: claimDate, today: today)
        } throws: { error in
            if case .badDate = error as? DeliveryError { return true }
            return false
        }
    }

    @Test func anEventBeforeTheLastOneIsRefused() {
        #expect(throws: DeliveryError.self) { try check(.delivered, day: 3, after: [(.prepared, 1), (.sent, 5)]) }
    }

    @Test func timestampedEventsStandOutsideTheOrderAndTheDates() throws {
        // A token's time is the authority's: a later event may carry an earlier date.
        try check(.sent, day: 2, after: [(.prepared, 1), (.timestamped, 20)])
        try check(.delivered, day: 5, after: [(.prepared, 1), (.sent, 2), (.timestamped, 20)])
        try check(.answered, day: 20, after: [(.prepared, 1), (.timestamped, 3), (.sent, 3), (.timestamped, 4), (.delivered, 5)])
        try DeliveryRules.checkTimestamp(after: [event(.prepared, 1), event(.sent, 2), event(.timestamped, 3)])
        #expect(throws: DeliveryError.self) { try check(.timestamped, day: 10, after: [(.prepared, 1)]) }
        #expect(throws: DeliveryError.self) { try DeliveryRules.checkTimestamp(after: []) }
    }
}

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

    /// `verify` and `deliver` apply one rule set: a record has no order or date violation
    /// exactly when `deliver` would have accepted each of its events after the ones before.
    @Test func aRecordViolatesNoRuleExactlyWhenDeliverAcceptsEachEvent() {
        var generator = SeededGenerator(state: 20_261_204)
        let kinds: [DeliveryEvent.Kind] = [.prepared, .sent, .delivered, .returned, .answered]
        var accepted = 0
        for _ in 0..<2_000 {
            var events = [event(.prepared, Int.random(in: 1...2, using: &generator))]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                events.append(event(kinds.randomElement(using: &generator)!, Int.random(in: 1...30, using: &generator)))
            }
            let record = DeliveryRecord(bundleID: "b", seal: .zero, events: events)
            let violations = DeliveryRules.violations(in: record, claimDate: claimDate, today: today)
            var deliverAccepts = events[0].at.date >= claimDate && !(today < events[0].at.date)
            for index in events.indices.dropFirst() where deliverAccepts {
                do {
                    try DeliveryRules.check(events[index].kind, at: events[index].at, after: Array(events[..<index]),
                                            claimDate: claimDate, today: today)
                } catch {
                    deliverAccepts = false
                }
            }
            #expect(violations.isEmpty == deliverAccepts, "\(events.map { "\($0.kind) \($0.at)" }): \(violations)")
            if deliverAccepts { accepted += 1 }
        }
        #expect(accepted > 50, "the generator makes valid records too")
    }

    @Test func timestampedEventsStandOutsideTheOrderAndTheDates() throws {
        // A token's time is the authority's: a later event may carry an earlier date.
        try check(.sent, day: 2, after: [(.prepared, 1), (.timestamped, 20)])
        try check(.delivered, day: 5, after: [(.prepared, 1), (.sent, 2), (.timestamped, 20)])
        try check(.answered, day: 20, after: [(.prepared, 1), (.timestamped, 3), (.sent, 3), (.timestamped, 4), (.delivered, 5)])
        try DeliveryRules.checkTimestamp(after: [event(.prepared, 1), event(.sent, 2), event(.timestamped, 3)])
        #expect(throws: DeliveryError.self) { try check(.timestamped, day: 10, after: [(.prepared, 1)]) }
        #expect(throws: DeliveryError.self) { try DeliveryRules.checkTimestamp(after: []) }
        // verify judges a stamped record as deliver did: the token's date is not compared.
        let record = DeliveryRecord(bundleID: "b", seal: .zero, events: [event(.prepared, 1), event(.timestamped, 20), event(.sent, 2)])
        #expect(DeliveryRules.violations(in: record, claimDate: claimDate, today: today).isEmpty)
    }
}

struct DeliveryDateTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 4)!

    @Test func wordsAreCountedFromToday() throws {
        #expect(try DeliveryDate.parse("today", today: Self.today).get() == EventTime(date: Self.today))
        #expect(try DeliveryDate.parse("Yesterday", today: Self.today).get() == EventTime(date: CalendarDate(year: 2026, month: 12, day: 3)!))
        #expect(try DeliveryDate.parse("2026-11-22", today: Self.today).get() == EventTime(date: CalendarDate(year: 2026, month: 11, day: 22)!))
        #expect(DeliveryDate.isWord("TODAY") && !DeliveryDate.isWord("2026-11-22"))
    }

    @Test func mistakesGetTheValueToWrite() {
        guard case .failure(let dotted) = DeliveryDate.parse("01.11.2026", today: Self.today),
              case .failure(let other) = DeliveryDate.parse("tomorrow", today: Self.today) else {
            Issue.record("accepted")
            return
        }
        #expect(dotted.description == "--date \"01.11.2026\" is written day first; write it as 2026-11-01 (YYYY-MM-DD)")
        #expect(other.description.contains("today or yesterday"))
    }
}

extension DeliveryRulesTests {
    @Test func aRepeatedEventSaysItIsAlreadyRecordedAndWhen() {
        let record = [(DeliveryEvent.Kind.prepared, 1), (.sent, 2), (.returned, 7)].map { event($0.0, $0.1) }
        #expect(DeliveryRules.orderProblem(.delivered, after: record)
                == "the delivery is already recorded (\"returned\" on 2026-11-07); a record holds only one")
        #expect(DeliveryRules.orderProblem(.sent, after: record)?.hasPrefix("the dispatch is already recorded (\"sent\" on 2026-11-02)") == true)
        #expect(DeliveryRules.orderProblem(.answered, after: record) == nil)
        // Before any dispatch, a delivery still asks for the dispatch first.
        #expect(DeliveryRules.orderProblem(.delivered, after: [event(.prepared, 1)])?.contains("record the dispatch first") == true)
    }
}

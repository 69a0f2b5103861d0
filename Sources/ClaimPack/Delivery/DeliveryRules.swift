/// What may follow what in a delivery record, and when: the one rule set `deliver` applies
/// to a new event (`check`) and `verify` to every event of a record (`violations`).
enum DeliveryRules {
    /// One rule an event of a record breaks.
    struct Violation: Sendable, Equatable {
        /// Which rule.
        enum Rule: Sendable, Equatable {
            /// The event cannot follow the events before it.
            case order
            /// Dated before the claim's date or before the event before it.
            case date
            /// Dated after today.
            case future
            /// A tracking number that fails its carrier's check.
            case tracking
            /// `sent` by registered mail with no tracking number.
            case trackingMissing
        }

        var rule: Rule
        /// The event's position in the record, from 0.
        var event: Int
        var message: String
    }

    /// Checks that `new` may be added after `events` of a claim dated `claimDate`.
    ///
    /// `timestamped` events stand outside the order (an authority may stamp the seal at any
    /// point) and their times are the authorities': the other events are checked against
    /// the others only.
    static func check(_ new: DeliveryEvent.Kind, at time: EventTime, after all: [DeliveryEvent],
                      claimDate: CalendarDate, today: CalendarDate) throws(DeliveryError) {
        let events = all.filter { $0.kind != .timestamped }
        if let problem = orderProblem(new, after: events) { throw .outOfOrder(problem) }
        if let problem = dateProblem(time, after: events.last, claimDate: claimDate) { throw .badDate(problem) }
        if let problem = futureProblem(time, today: today) { throw .badDate(problem) }
    }

    /// Every rule the events of `record` break, each event judged against those before it
    /// as `deliver` judged it when it was recorded. `future` is reported, not thrown: an
    /// event may be recorded with a date that has since come. `timestamped` events are
    /// judged apart (after `prepared`, not in the future), as `check` leaves them out.
    static func violations(in record: DeliveryRecord, claimDate: CalendarDate, today: CalendarDate) -> [Violation] {
        var found: [Violation] = []
        let method = record.events.first?.method
        for (index, event) in record.events.enumerated() where event.kind == .timestamped {
            if index == 0 || record.events.first?.kind != .prepared {
                found.append(Violation(rule: .order, event: index, message: "a \"timestamped\" event follows \"prepared\""))
            }
            if let problem = futureProblem(event.at, today: today) {
                found.append(Violation(rule: .future, event: index, message: problem))
            }
        }
        let ordered = record.events.enumerated().filter { $0.element.kind != .timestamped }
        for (position, (index, event)) in ordered.enumerated() {
            let before = ordered[..<position].map(\.element)
            if let problem = orderProblem(event.kind, after: Array(before)) {
                found.append(Violation(rule: .order, event: index, message: problem))
            }
            if let problem = dateProblem(event.at, after: before.last, claimDate: claimDate) {
                found.append(Violation(rule: .date, event: index, message: problem))
            }
            if let problem = futureProblem(event.at, today: today) {
                found.append(Violation(rule: .future, event: index, message: problem))
            }
            if let tracking = event.tracking {
                do {
                    _ = try TrackingNumber(tracking, carrier: event.carrier)
                } catch {
                    found.append(Violation(rule: .tracking, event: index, message: error.description))
                }
            } else if event.kind == .sent, (event.method ?? method) == .registeredMail {
                found.append(Violation(rule: .trackingMissing, event: index,
                                       message: "sent by registered mail with no tracking number: the dispatch cannot be traced"))
            }
        }
        return found
    }

    /// Why `new` cannot follow the events `earlier`; `nil` when it can. An event that is
    /// already recorded is said to be so, with its date: the usual cause is running the
    /// same `deliver` twice.
    static func orderProblem(_ new: DeliveryEvent.Kind, after earlier: [DeliveryEvent]) -> String? {
        let before = earlier.map(\.kind)
        if let problem = repeatProblem(new, after: earlier) { return problem }
        if before.isEmpty {
            return new == .prepared ? nil : "the first event must be \"prepared\", not \"\(new.rawValue)\""
        }
        switch new {
        case .prepared:
            return "\"prepared\" is recorded by build only, as the first event"
        case .timestamped:
            return "\"timestamped\" is recorded by claimpack timestamp, with the authority's token"
        case .sent:
            guard before == [.prepared] else {
                return "\"sent\" follows \"prepared\" only, once; the record already has: \(before.map(\.rawValue).joined(separator: ", "))"
            }
        case .delivered, .returned:
            guard before.last == .sent else {
                return "\"\(new.rawValue)\" follows \"sent\"; record the dispatch first (claimpack deliver BUNDLE sent --date …)"
            }
        case .answered:
            guard before.contains(.delivered) || before.contains(.returned) else {
                return "\"answered\" follows \"delivered\" or \"returned\"; record the delivery first"
            }
            guard !before.contains(.answered) else { return "the answer is already recorded" }
        }
        return nil
    }

    /// Why `new` repeats an event of `earlier`: a second dispatch, delivery or answer.
    private static func repeatProblem(_ new: DeliveryEvent.Kind, after earlier: [DeliveryEvent]) -> String? {
        let kinds: Set<DeliveryEvent.Kind> = switch new {
        case .sent: [.sent]
        case .delivered, .returned: [.delivered, .returned]
        case .answered: [.answered]
        case .prepared, .timestamped: []
        }
        guard let recorded = earlier.last(where: { kinds.contains($0.kind) }) else { return nil }
        let what = new == .answered ? "the answer" : new == .sent ? "the dispatch" : "the delivery"
        return "\(what) is already recorded (\"\(recorded.kind.rawValue)\" on \(recorded.at)); a record holds only one"
    }

    /// Why an event at `time` cannot come after `last` in a claim dated `claimDate`.
    static func dateProblem(_ time: EventTime, after last: DeliveryEvent?, claimDate: CalendarDate) -> String? {
        if time.date < claimDate { return "\(time) is before the claim's date \(claimDate)" }
        if let last, time.isEarlier(than: last.at) {
            return "\(time) is before the last recorded event (\(last.kind.rawValue), \(last.at))"
        }
        return nil
    }

    /// Why `time` is not a date an event can have happened on, seen on `today`.
    static func futureProblem(_ time: EventTime, today: CalendarDate) -> String? {
        today < time.date ? "\(time) is in the future (today is \(today))" : nil
    }

    /// Checks that a `timestamped` event may be added after `events`: any time after
    /// `prepared`; its time is the token's, so it is not compared with the others.
    static func checkTimestamp(after events: [DeliveryEvent]) throws(DeliveryError) {
        guard events.first?.kind == .prepared else {
            throw .outOfOrder("the record does not start with \"prepared\"")
        }
    }
}

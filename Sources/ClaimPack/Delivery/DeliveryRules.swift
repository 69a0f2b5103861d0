/// What may follow what in a delivery record, and when.
enum DeliveryRules {
    /// Checks that `new` may be added after `events` of a claim dated `claimDate`.
    ///
    /// `timestamped` events stand outside the order (an authority may stamp the seal at any
    /// point) and their times are the authorities': the other events are checked against
    /// the others only.
    static func check(_ new: DeliveryEvent.Kind, at time: EventTime, after all: [DeliveryEvent],
                      claimDate: CalendarDate, today: CalendarDate) throws(DeliveryError) {
        let events = all.filter { $0.kind != .timestamped }
        let kinds = events.map(\.kind)
        switch new {
        case .prepared:
            throw .outOfOrder("\"prepared\" is recorded by build only")
        case .timestamped:
            throw .outOfOrder("\"timestamped\" is recorded by claimpack timestamp, with the authority's token")
        case .sent:
            guard kinds == [.prepared] else {
                throw .outOfOrder("\"sent\" follows \"prepared\" only, once; the record already has: \(kinds.map(\.rawValue).joined(separator: ", "))")
            }
        case .delivered, .returned:
            guard kinds.last == .sent else {
                throw .outOfOrder("\"\(new.rawValue)\" follows \"sent\"; record the dispatch first (claimpack deliver BUNDLE sent --date …)")
            }
        case .answered:
            guard kinds.contains(.delivered) || kinds.contains(.returned) else {
                throw .outOfOrder("\"answered\" follows \"delivered\" or \"returned\"; record the delivery first")
            }
            guard !kinds.contains(.answered) else { throw .outOfOrder("the answer is already recorded") }
        }
        guard !(time.date < claimDate) else {
            throw .badDate("\(time) is before the claim's date \(claimDate)")
        }
        guard !(today < time.date) else {
            throw .badDate("\(time) is in the future (today is \(today))")
        }
        if let last = events.last, time.isEarlier(than: last.at) {
            throw .badDate("\(time) is before the last recorded event (\(last.kind.rawValue), \(last.at))")
        }
    }

    /// Checks that a `timestamped` event may be added after `events`: any time after
    /// `prepared`; its time is the token's, so it is not compared with the others.
    static func checkTimestamp(after events: [DeliveryEvent]) throws(DeliveryError) {
        guard events.first?.kind == .prepared else {
            throw .outOfOrder("the record does not start with \"prepared\"")
        }
    }
}

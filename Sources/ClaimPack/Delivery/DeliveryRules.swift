/// What may follow what in a delivery record, and when.
enum DeliveryRules {
    /// Checks that `new` may be added after `events` of a claim dated `claimDate`.
    static func check(_ new: DeliveryEvent.Kind, at time: EventTime, after events: [DeliveryEvent],
                      claimDate: CalendarDate, today: CalendarDate) throws(DeliveryError) {
        let kinds = events.map(\.kind)
        switch new {
        case .prepared:
            throw .outOfOrder("\"prepared\" is recorded by build only")
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
}

/// Where a claim stands: the state of its delivery and the date its answer is due.
public struct ClaimStatus: Sendable, Hashable {
    public enum State: String, Sendable {
        case prepared, sent, delivered, answered, overdue
    }

    public let state: State
    /// Present once the letter is delivered or returned.
    public let deadline: AnswerDeadline?
    /// Days left to the due date (negative: overdue), when there is one.
    public let daysLeft: Int?

    public init(record: DeliveryRecord, responseDays: Int, today: CalendarDate) {
        let kinds = record.events.map(\.kind)
        let deadline = record.deliveryEvent.map { AnswerDeadline(deliveredOn: $0.at.date, responseDays: responseDays) }
        self.deadline = deadline
        let answered = kinds.contains(.answered)
        daysLeft = answered ? nil : deadline?.daysLeft(from: today)
        if answered {
            state = .answered
        } else if let daysLeft, daysLeft < 0 {
            state = .overdue
        } else if deadline != nil {
            state = .delivered
        } else if kinds.contains(.sent) {
            state = .sent
        } else {
            state = .prepared
        }
    }
}

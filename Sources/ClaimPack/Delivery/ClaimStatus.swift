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

    /// The status of a claim whose answer period is `period` (`responseDays` replacing its
    /// days), counted on `calendar`.
    public init(record: DeliveryRecord, period: AnswerPeriod, responseDays: Int? = nil, calendar: WorkingCalendar, today: CalendarDate) {
        let deadline = record.deliveryEvent.map {
            AnswerDeadline(deliveredOn: $0.at.date, period: period, days: responseDays, calendar: calendar)
        }
        self.init(record: record, deadline: deadline, today: today)
    }

    /// The status with the answer due `responseDays` calendar days after delivery, moved
    /// off a weekend only.
    public init(record: DeliveryRecord, responseDays: Int, today: CalendarDate) {
        self.init(record: record, deadline: record.deliveryEvent.map { AnswerDeadline(deliveredOn: $0.at.date, responseDays: responseDays) },
                  today: today)
    }

    private init(record: DeliveryRecord, deadline: AnswerDeadline?, today: CalendarDate) {
        let kinds = record.events.map(\.kind)
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

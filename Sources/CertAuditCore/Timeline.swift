/// The simulated future's events in timeline order (`TimelineEvent.<`: by date, the kind's step of
/// the day, then certificate, kind, resource, account, package, policy; equal events in the order
/// they were given), read as a sequence.
///
/// Alerts are most of a large estate's timeline and all alike, so they are held compact: each
/// (certificate, policy) pair once as an `AlertSeries` with the days it fires on, and they become
/// events only as the timeline is read. An alert is the last step of its day
/// (`TimelineEventKind.sameDayOrder`), so reading walks each day's other events, then that day's
/// alerts, series by series; the series are kept by certificate, then policy — the order `<` gives
/// alerts.
public struct Timeline: Sendable, Sequence, Equatable {
    /// The events given as events (every kind but the compact alerts), in timeline order.
    let events: [TimelineEvent]
    /// In (certificate, policy) order, then the order they were given.
    let alerts: [AlertSeries]
    /// The places in `alerts` by first firing day, then place: the order series join the days read.
    let starts: [Int32]
    /// Every event there is to read.
    public let count: Int

    public var isEmpty: Bool { count == 0 }

    /// Any events, in any order: they are put in timeline order.
    public init(_ events: [TimelineEvent] = []) {
        self.init(events: events, alerts: [])
    }

    /// `events` in any order, and alerts held compact; no alert may be among `events`. Both arrays
    /// are consumed and ordered in place: a caller that hands over its last reference (`consume`)
    /// has them sorted without a copy (a copy of a million-certificate estate's events is hundreds
    /// of megabytes at the run's peak).
    public init(events: consuming [TimelineEvent], alerts: consuming [AlertSeries]) {
        TimelineEvent.putInTimelineOrder(&events)
        self.events = events.trimmed()
        let order = alerts.indices.sorted {
            (alerts[$0].certificateID, alerts[$0].policyID, $0) < (alerts[$1].certificateID, alerts[$1].policyID, $1)
        }
        alerts.rearrange(by: order)
        starts = alerts.indices.sorted {
            (alerts[$0].days.first, $0) < (alerts[$1].days.first, $1)
        }.map { Int32($0) }
        count = self.events.count + alerts.reduce(0) { $0 + $1.days.count }
        self.alerts = alerts
    }

    /// The same events in the same order, however they are held.
    public static func == (lhs: Timeline, rhs: Timeline) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func makeIterator() -> Iterator { Iterator(events: events, alerts: AlertCursor(alerts, starts: starts)) }

    /// Reads the events of each day, then that day's alerts.
    public struct Iterator: IteratorProtocol {
        let events: [TimelineEvent]
        var alerts: AlertCursor
        var nextEvent = 0

        public mutating func next() -> TimelineEvent? {
            let alertDay = alerts.nextDay()
            if nextEvent < events.count, alertDay.map({ events[nextEvent].date.daysSinceEpoch <= $0 }) ?? true {
                defer { nextEvent += 1 }
                return events[nextEvent]
            }
            return alerts.next()
        }
    }
}

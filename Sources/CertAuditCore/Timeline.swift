/// The simulated future's events in timeline order (`TimelineEvent.<`: by date, the kind's step of
/// the day, then certificate, kind, resource, account, package, policy; equal events in the order
/// they were given), read as a sequence.
///
/// Alerts are most of a large estate's timeline and all alike, so they are held compact: each
/// (certificate, policy) pair once as an `AlertSeries`, each day it fires as a 12-byte
/// `AlertFiring`, and they become events only as the timeline is read. An alert is the last step
/// of its day (`TimelineEventKind.sameDayOrder`), so reading walks each day's other events, then
/// that day's firings; the firings are kept by day, then by series, and the series by certificate,
/// then policy — the order `<` gives alerts.
public struct Timeline: Sendable, Sequence, Equatable {
    /// The events given as events (every kind but the compact alerts), in timeline order.
    let events: [TimelineEvent]
    /// In (certificate, policy) order, then the order they were given.
    let alerts: [AlertSeries]
    /// By day, then series.
    let firings: [AlertFiring]

    /// Every event there is to read.
    public var count: Int { events.count + firings.count }
    public var isEmpty: Bool { count == 0 }

    /// Any events, in any order: they are put in timeline order.
    public init(_ events: [TimelineEvent] = []) {
        self.init(events: events, alerts: [], firings: [])
    }

    /// `events` in any order, and alerts held compact: `firings[i].series` indexes `alerts`.
    /// Each series' firings must be on distinct days, and no alert may be among `events`.
    /// The arrays are consumed and ordered in place: a caller that hands over its last reference
    /// (`consume`) has them sorted without a copy (a copy of a million-certificate estate's events
    /// is hundreds of megabytes at the run's peak).
    public init(events: consuming [TimelineEvent], alerts: [AlertSeries], firings: consuming [AlertFiring]) {
        TimelineEvent.putInTimelineOrder(&events)
        self.events = events
        let seriesOrder = alerts.indices.sorted {
            (alerts[$0].certificateID, alerts[$0].policyID, $0) < (alerts[$1].certificateID, alerts[$1].policyID, $1)
        }
        var rank = [Int32](repeating: 0, count: alerts.count)
        for (position, series) in seriesOrder.enumerated() { rank[series] = Int32(position) }
        self.alerts = seriesOrder.map { alerts[$0] }
        for index in firings.indices { firings[index].series = rank[Int(firings[index].series)] }
        firings.sort { ($0.day, $0.series) < ($1.day, $1.series) }
        self.firings = firings
    }

    /// The same events in the same order, however they are held.
    public static func == (lhs: Timeline, rhs: Timeline) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func makeIterator() -> Iterator { Iterator(events: events, alerts: alerts, firings: firings) }

    /// Reads the events of each day, then that day's alerts.
    public struct Iterator: IteratorProtocol {
        let events: [TimelineEvent]
        let alerts: [AlertSeries]
        let firings: [AlertFiring]
        var nextEvent = 0
        var nextFiring = 0

        public mutating func next() -> TimelineEvent? {
            if nextEvent < events.count,
                nextFiring == firings.count || events[nextEvent].date.daysSinceEpoch <= Int64(firings[nextFiring].day)
            {
                defer { nextEvent += 1 }
                return events[nextEvent]
            }
            guard nextFiring < firings.count else { return nil }
            defer { nextFiring += 1 }
            let firing = firings[nextFiring]
            let series = alerts[Int(firing.series)]
            return TimelineEvent(
                date: firing.date, kind: .alert, certificateID: series.certificateID, policyID: series.policyID,
                times: Int(firing.times), deliveries: series.deliveries)
        }
    }
}

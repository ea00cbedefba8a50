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
///
/// The events that carry only a date, a kind and a certificate are held brief too
/// (`BriefTimelineEvent`, 24 bytes instead of 56): the others and the brief ones are two arrays,
/// each in timeline order, and one bit per event says from which the next event in order comes.
public struct Timeline: Sendable, Sequence, Equatable {
    /// The events given as events (every kind but the compact alerts) that carry more than a date,
    /// a kind and a certificate, in timeline order.
    let events: [TimelineEvent]
    /// The rest of them, brief, in timeline order.
    let briefs: [BriefTimelineEvent]
    /// Bit `i` (of word `i / 64`) set: the `i`th event in timeline order (alerts aside) is the next
    /// of `briefs`, else the next of `events`.
    let isBrief: [UInt64]
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
        // The brief ones taken out and the rest moved up in place, in order: the events are never
        // held twice but for the trimmed copy of what is left.
        var briefs: [BriefTimelineEvent] = []
        var isBrief = [UInt64](repeating: 0, count: (events.count + 63) / 64)
        var kept = 0
        for index in events.indices {
            if let brief = BriefTimelineEvent(events[index]) {
                briefs.append(brief)
                isBrief[index / 64] |= 1 << UInt64(index % 64)
            } else {
                if kept != index { events.swapAt(kept, index) }
                kept += 1
            }
        }
        events.removeLast(events.count - kept)
        self.events = events.trimmed()
        self.briefs = briefs.trimmed()
        self.isBrief = isBrief
        let order = alerts.indices.sorted {
            (alerts[$0].certificateID, alerts[$0].policyID, $0) < (alerts[$1].certificateID, alerts[$1].policyID, $1)
        }
        alerts.rearrange(by: order)
        starts = alerts.indices.sorted {
            (alerts[$0].days.first, $0) < (alerts[$1].days.first, $1)
        }.map { Int32($0) }
        count = self.events.count + self.briefs.count + alerts.reduce(0) { $0 + $1.days.count }
        self.alerts = alerts
    }

    /// The same events in the same order, however they are held.
    public static func == (lhs: Timeline, rhs: Timeline) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func makeIterator() -> Iterator {
        Iterator(events: events, briefs: briefs, isBrief: isBrief, alerts: AlertCursor(alerts, starts: starts))
    }

    /// Reads the events of each day, then that day's alerts.
    public struct Iterator: IteratorProtocol {
        let events: [TimelineEvent]
        let briefs: [BriefTimelineEvent]
        let isBrief: [UInt64]
        var alerts: AlertCursor
        var nextEvent = 0
        var nextBrief = 0

        public mutating func next() -> TimelineEvent? {
            let alertDay = alerts.nextDay()
            let position = nextEvent + nextBrief
            guard position < events.count + briefs.count else { return alerts.next() }
            let brief = isBrief[position / 64] & (1 << UInt64(position % 64)) != 0
            let day = brief ? Int64(briefs[nextBrief].day) : events[nextEvent].date.daysSinceEpoch
            guard alertDay.map({ day <= $0 }) ?? true else { return alerts.next() }
            if brief {
                defer { nextBrief += 1 }
                return briefs[nextBrief].event
            }
            defer { nextEvent += 1 }
            return events[nextEvent]
        }
    }
}

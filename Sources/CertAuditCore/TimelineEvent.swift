/// One dated event of the simulated future (`<timeline><event>`, `timeline.csv`).
public struct TimelineEvent: Sendable, Hashable, Comparable {
    public var date: LocalDate
    public var kind: TimelineEventKind
    /// The inventory certificate the event is about; for a successor, the one it succeeds
    /// (RULES.md §0); for hosting, the hosting record's certificate.
    public var certificateID: String?
    public var resourceID: String?
    public var accountID: String?
    public var packageID: String?
    /// Money in fen; nil when the charge could not be checked (no account or price).
    public var amountFen: Int64?
    public var points: Int?
    /// The alert policy (`alert`).
    public var policyID: String?
    /// How many times an alert fires that day.
    public var times: Int?
    /// Whether the console sends its message for this event (hosting: HOST-MESSAGES, MSG-IGNORE).
    public var messageSent: Bool?
    /// Each receiver and channel of an alert.
    public var deliveries: [AlertDelivery]
    /// Plain language: why, with what, what it leads to.
    public var detail: String

    public init(
        date: LocalDate, kind: TimelineEventKind, certificateID: String? = nil, resourceID: String? = nil,
        accountID: String? = nil, packageID: String? = nil, amountFen: Int64? = nil, points: Int? = nil,
        policyID: String? = nil, times: Int? = nil, messageSent: Bool? = nil, deliveries: [AlertDelivery] = [],
        detail: String = ""
    ) {
        self.date = date
        self.kind = kind
        self.certificateID = certificateID
        self.resourceID = resourceID
        self.accountID = accountID
        self.packageID = packageID
        self.amountFen = amountFen
        self.points = points
        self.policyID = policyID
        self.times = times
        self.messageSent = messageSent
        self.deliveries = deliveries
        self.detail = detail
    }

    /// Timeline order: by date, the kind's step of the day, then certificate, kind, resource,
    /// account, package, policy (docs/simulation.md).
    /// (Compared field by field, without building arrays: millions of events are sorted.)
    public static func < (lhs: TimelineEvent, rhs: TimelineEvent) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        if lhs.kind.sameDayOrder != rhs.kind.sameDayOrder { return lhs.kind.sameDayOrder < rhs.kind.sameDayOrder }
        if lhs.certificateID != rhs.certificateID { return (lhs.certificateID ?? "") < (rhs.certificateID ?? "") }
        if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
        if lhs.resourceID != rhs.resourceID { return (lhs.resourceID ?? "") < (rhs.resourceID ?? "") }
        if lhs.accountID != rhs.accountID { return (lhs.accountID ?? "") < (rhs.accountID ?? "") }
        if lhs.packageID != rhs.packageID { return (lhs.packageID ?? "") < (rhs.packageID ?? "") }
        if lhs.policyID != rhs.policyID { return (lhs.policyID ?? "") < (rhs.policyID ?? "") }
        return lhs.detail < rhs.detail
    }
}

extension TimelineEvent {
    /// Puts `events` in timeline order: exactly what `sort()` gives, equal events in their input
    /// order, but fast and light for the millions of a large estate's simulation. Most comparisons
    /// are decided by the date, the kind's step of the day or the certificate: those three are
    /// compared as numbers (the certificate by the rank of its ID among the events' IDs), and `<`
    /// only settles the rest. The order is found on positions, then applied in place, so the events
    /// are never held twice.
    public static func putInTimelineOrder(_ events: inout [TimelineEvent]) {
        // `<` compares a missing certificate as "".
        var ranks: [String: Int] = ["": 0]
        for event in events { if let id = event.certificateID { ranks[id] = 0 } }
        for (rank, id) in ranks.keys.sorted().enumerated() { ranks[id] = rank }
        let keys = events.map { ($0.date.daysSinceEpoch, $0.kind.sameDayOrder, ranks[$0.certificateID ?? ""] ?? 0) }
        ranks = [:]
        var order = events.indices.sorted { left, right in
            keys[left] != keys[right] ? keys[left] < keys[right] : events[left] < events[right]
        }
        // Position `target` takes the event at `order[target]`: follow each cycle of the permutation,
        // marking a position done by setting its entry to -1.
        for start in order.indices where order[start] >= 0 {
            var target = start
            let first = events[start]
            while order[target] != start {
                let source = order[target]
                events[target] = events[source]
                order[target] = -1
                target = source
            }
            events[target] = first
            order[target] = -1
        }
    }
}

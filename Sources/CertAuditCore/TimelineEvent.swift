/// One dated event of the simulated future (`<timeline><event>`, `timeline.csv`).
///
/// A large estate's simulation holds millions of these until the reports are written, and most
/// carry only a date, a kind, a certificate, a resource and a short detail: the fields only some
/// kinds carry live out of line (`TimelineEventParticulars`) and the detail in the text spool, so
/// an event takes 56 bytes inline instead of 168. (Stored fields in layout order: the kind's byte,
/// `messageSent`'s and the date's four fit after the detail's eight.)
public struct TimelineEvent: Sendable, Hashable, Comparable {
    public var date: LocalDate {
        get { LocalDate(daysSinceEpoch: Int64(day)) }
        set { day = PackedLocalDate.days(of: newValue) }
    }
    /// The inventory certificate the event is about; for a successor, the one it succeeds
    /// (RULES.md §0); for hosting, the hosting record's certificate.
    public var certificateID: String?
    public var resourceID: String?
    /// Plain language: why, with what, what it leads to.
    public var detail: String {
        get { spooledDetail.text }
        set { spooledDetail = SpooledText(newValue) }
    }
    /// In the process's text spool, like a finding's message: an outage's event carries its whole
    /// explanation.
    private var spooledDetail: SpooledText
    public var kind: TimelineEventKind
    /// Whether the console sends its message for this event (hosting: HOST-MESSAGES, MSG-IGNORE).
    /// Inline, in what would be padding: in the particulars' box it took a 128-byte block for each
    /// hosting reminder, replacement and failure (some 26 MB at a million certificates) to hold one
    /// byte.
    public var messageSent: Bool?
    /// The date's days since 1970, in 4 bytes (`PackedLocalDate.days(of:)`): with the detail's 8, an
    /// event in 56 bytes, not 64.
    private(set) var day: Int32
    /// The rest, nil when it is all empty (so that equal events compare equal).
    private(set) var particulars: OutOfLine<TimelineEventParticulars>?

    public var accountID: String? {
        get { particulars?.value.accountID }
        set { update { $0.accountID = newValue } }
    }
    public var packageID: String? {
        get { particulars?.value.packageID }
        set { update { $0.packageID = newValue } }
    }
    /// Money in fen; nil when the charge could not be checked (no account or price).
    public var amountFen: Int64? {
        get { particulars?.value.amountFen }
        set { update { $0.amountFen = newValue } }
    }
    public var points: Int? {
        get { particulars?.value.points }
        set { update { $0.points = newValue } }
    }
    /// The alert policy (`alert`).
    public var policyID: String? {
        get { particulars?.value.policyID }
        set { update { $0.policyID = newValue } }
    }
    /// How many times an alert fires that day.
    public var times: Int? {
        get { particulars?.value.times }
        set { update { $0.times = newValue } }
    }
    /// Each receiver and channel of an alert.
    public var deliveries: [AlertDelivery] {
        get { particulars?.value.deliveries ?? [] }
        set { update { $0.deliveries = newValue } }
    }

    public init(
        date: LocalDate, kind: TimelineEventKind, certificateID: String? = nil, resourceID: String? = nil,
        accountID: String? = nil, packageID: String? = nil, amountFen: Int64? = nil, points: Int? = nil,
        policyID: String? = nil, times: Int? = nil, messageSent: Bool? = nil, deliveries: [AlertDelivery] = [],
        detail: String = ""
    ) {
        day = PackedLocalDate.days(of: date)
        self.kind = kind
        self.certificateID = certificateID
        self.resourceID = resourceID
        spooledDetail = SpooledText(detail)
        self.messageSent = messageSent
        let particulars = TimelineEventParticulars(
            accountID: accountID, packageID: packageID, amountFen: amountFen, points: points, policyID: policyID,
            times: times, deliveries: deliveries)
        self.particulars = particulars.isEmpty ? nil : OutOfLine(particulars)
    }

    /// Whether the event carries only its date, kind and certificate (`BriefTimelineEvent`).
    var isBrief: Bool { resourceID == nil && spooledDetail.isEmpty && messageSent == nil && particulars == nil }

    /// Sets a field of the particulars: a new box, or none when they are left empty.
    private mutating func update(_ change: (inout TimelineEventParticulars) -> Void) {
        particulars = OutOfLine.changing(particulars, empty: TimelineEventParticulars(), change)
    }

    /// Timeline order: by date, the kind's step of the day, then certificate, kind, resource,
    /// account, package, policy (docs/simulation.md).
    /// (Compared field by field, without building arrays: millions of events are sorted.)
    public static func < (lhs: TimelineEvent, rhs: TimelineEvent) -> Bool {
        if lhs.day != rhs.day { return lhs.day < rhs.day }
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
        precondition(events.count <= Int32.max, "positions are 32-bit")
        let order = (0..<Int32(events.count)).sorted { left, right in
            let (left, right) = (Int(left), Int(right))
            return keys[left] != keys[right] ? keys[left] < keys[right] : events[left] < events[right]
        }
        events.rearrange(by: order)
    }
}

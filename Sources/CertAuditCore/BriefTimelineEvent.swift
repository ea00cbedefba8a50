/// A timeline event that carries only a date, a kind and a certificate (an expiry, an order
/// submitted, a successor created, a validation deadline): 24 bytes where a `TimelineEvent` takes
/// 56. Nearly half of a large estate's events are such (some 780,000 at a million certificates,
/// about 25 MB less while every report is written); `Timeline` holds them so and makes them events
/// again as it is read.
struct BriefTimelineEvent: Sendable, Equatable {
    let certificateID: String?
    /// The date's days since 1970, as the event holds them.
    let day: Int32
    let kind: TimelineEventKind

    /// `event` held briefly, or nil when it carries anything more (a resource, a detail, a
    /// message flag, particulars).
    init?(_ event: TimelineEvent) {
        guard event.isBrief else { return nil }
        certificateID = event.certificateID
        day = event.day
        kind = event.kind
    }

    /// The event it stands for, equal to the one it was made from.
    var event: TimelineEvent {
        TimelineEvent(date: LocalDate(daysSinceEpoch: Int64(day)), kind: kind, certificateID: certificateID)
    }
}

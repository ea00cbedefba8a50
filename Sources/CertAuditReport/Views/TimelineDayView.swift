internal import Mustache

/// One date of the timeline's next 90 days (`partials/calendar`, `{{#timelineDays}}`).
struct TimelineDayView: MustacheParent {
    /// `YYYY-MM-DD`.
    let date: String
    let events: [TimelineEventView]

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "events": events
        default: nil
        }
    }
}

/// One date of the timeline's next 90 days (`partials/calendar`, `{{#timelineDays}}`).
struct TimelineDayView {
    /// `YYYY-MM-DD`.
    let date: String
    let events: [TimelineEventView]
}

/// One resource's row of the outage calendar (`partials/calendar`, `{{#rows}}`): its label, and the
/// red bar from the week it goes out, titled with the cause.
struct OutageCalendarRowView {
    let y: Int
    let textY: Int
    let label: String
    let outX: Int
    let outWidth: Int
    let height: Int
    let title: String
}

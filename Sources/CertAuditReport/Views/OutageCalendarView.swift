/// The outage calendar as `partials/calendar` reads it (`{{#calendar}}`).
struct OutageCalendarView {
    let width: Int
    let height: Int
    let gridX: Int
    let gridWidth: Int
    let rows: [OutageCalendarRowView]
    let labels: [ChartLabelView]
    let truncated: Bool
    let shown: Int
    let total: Int
}

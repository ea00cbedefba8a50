internal import Mustache

/// One resource's row of the outage calendar (`partials/calendar`, `{{#rows}}`): its label, and the
/// red bar from the week it goes out, titled with the cause.
struct OutageCalendarRowView: MustacheParent {
    let y: Int
    let textY: Int
    let label: String
    let outX: Int
    let outWidth: Int
    let height: Int
    let title: String

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "y": y
        case "textY": textY
        case "label": label
        case "outX": outX
        case "outWidth": outWidth
        case "height": height
        case "title": title
        default: nil
        }
    }
}

internal import Mustache

/// One labelled detail of a row shown as a list item rather than a table row (a finding's
/// certificate or date in `report.html`, `partials/findings`): its column's heading, its text, and
/// whether it reads as `code` or `time`.
struct HTMLDetail: MustacheParent {
    let heading: String
    let format: HTMLCellFormat
    let value: String

    /// Every name the template uses answers: Mustache looks a missing name up in the outer contexts.
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "value": value
        case "code": format == .code
        case "time": format == .time
        default: nil
        }
    }
}

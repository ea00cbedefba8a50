internal import Mustache

/// One cell as the templates read it (`partials/cells`): its column's heading (the `data-label` a
/// narrow screen shows) and classes, its text, how it is marked up (one flag per `HTMLColumn.Format`),
/// and for a repeated field its items.
struct HTMLTableCell: MustacheParent {
    let heading: String
    let classes: String
    let format: HTMLCellFormat
    let value: String
    /// Whether the field has a value at all (a finding's details show only those that do).
    let hasValue: Bool
    /// A rule cell whose rule the page's rule reference lists.
    let hasRule: Bool
    let sortKey: String?
    let items: [HTMLListItem]
    /// The value cut after its separators, for `text` cells.
    let parts: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "classes": classes
        case "hasClasses": !classes.isEmpty
        case "value": value
        case "hasValue": hasValue
        case "hasRule": hasRule
        case "sortKey": sortKey ?? ""
        case "hasSortKey": sortKey != nil
        case "items": items
        case "parts": parts
        default: HTMLCellFormat(rawValue: name).map { $0 == format }
        }
    }
}

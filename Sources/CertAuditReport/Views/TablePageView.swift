internal import Mustache

/// One page of the full inventory or findings as `page.html.mustache` reads it: the report header
/// it repeats, where the page stands among the others, and its table.
struct TablePageView: MustacheParent {
    let generator: String
    let asOf: String
    let timezone: String
    /// `inventory`, `findings`: the file names' stem and the table's ID.
    let title: String
    let heading: String
    let order: String
    let csv: String
    let page: Int
    let pages: Int
    let first: Int
    let last: Int
    let total: Int
    let hasPrevious: Bool
    /// The previous page's file name; empty on the first page.
    let previous: String
    let previousNumber: Int
    let hasNext: Bool
    /// The next page's file name; empty on the last page.
    let next: String
    let nextNumber: Int
    /// Markup: the `<th>` cells (`{{{headings}}}`).
    let headings: String
    /// For a page template that loops over the rows itself.
    let rows: [HTMLTableRow]
    /// Markup: every `<tr>` of the page, one per line (`{{{tableRows}}}`).
    let tableRows: String

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "generator": generator
        case "asOf": asOf
        case "timezone": timezone
        case "title": title
        case "heading": heading
        case "order": order
        case "csv": csv
        case "page": page
        case "pages": pages
        case "first": first
        case "last": last
        case "total": total
        case "hasPrevious": hasPrevious
        case "previous": previous
        case "previousNumber": previousNumber
        case "hasNext": hasNext
        case "next": next
        case "nextNumber": nextNumber
        case "headings": headings
        case "rows": rows
        case "tableRows": tableRows
        default: nil
        }
    }
}

/// One page of the full inventory or findings as `page.html.mustache` reads it: the report header
/// it repeats, where the page stands among the others, and its table.
struct TablePageView {
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
}

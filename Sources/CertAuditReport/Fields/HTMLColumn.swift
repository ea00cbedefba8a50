/// How the HTML shows a field as a table column: its heading, the cell's classes, how a cell
/// reads (by default the field's own value), and whether the column sorts.
public struct HTMLColumn<Row>: Sendable {
    public let heading: String
    /// CSS classes of the heading and the cells (`optional` hides a column on narrow screens, `date`
    /// and `verdict` keep a cell on one line, `text` lets long input text wrap, `number` aligns right).
    public let classes: String
    public let sort: Sort?
    public let format: Format
    /// The cell's text when it is not the field's value (a key shown as `RSA 2048`).
    let display: (@Sendable (Row) -> String)?
    /// The cell's sort key when it differs from its text (numbers that may be missing).
    let sortKey: (@Sendable (Row) -> String)?

    public init(
        _ heading: String, classes: String = "", sort: Sort? = nil, format: Format = .plain,
        display: (@Sendable (Row) -> String)? = nil, sortKey: (@Sendable (Row) -> String)? = nil
    ) {
        self.heading = heading
        self.classes = classes
        self.sort = sort
        self.format = format
        self.display = display
        self.sortKey = sortKey
    }

    /// How a cell's value is marked up.
    public typealias Format = HTMLCellFormat

    /// How the page's sort script compares a column's cells.
    public enum Sort: String, Sendable {
        case text
        case number
    }
}

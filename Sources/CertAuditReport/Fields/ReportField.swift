/// One field of a report section, described once for every output (issue 15): its name (the CSV
/// column), where its value comes from, where it goes in `report.xml`, its schema type, and its
/// HTML column if the HTML shows it. The XML, CSV and HTML renderers, the schema-coverage test and
/// the CSV/XML agreement test all read these descriptions, so a new column is one more entry here.
public struct ReportField<Row>: Sendable {
    /// The CSV column's heading.
    public let name: String
    /// Where the value goes in `report.xml`.
    public let placement: XMLPlacement
    /// Whether the value is text from the inputs (CSV-neutralised against formula injection) or a
    /// value the tool wrote itself (a number, a date, an enumerated word).
    public let origin: ValueOrigin
    /// The value's XML Schema type as `report.xsd` names it (`xs:string`, `r:Severity`, …), or nil
    /// where the schema declares the type inline (a pattern, an element with attributes).
    public let schemaType: String?
    /// The HTML column, or nil when the HTML does not show the field as a column.
    public let html: HTMLColumn<Row>?
    let read: @Sendable (Row) -> ReportFieldValue
    /// The row's CSV cell, read straight from the row: the renderers read tens of millions of cells,
    /// and going through `read` and `ReportFieldValue` cost two more calls and a wrap per cell.
    let text: @Sendable (Row) -> String?
    /// Which rows hold the same items, for a repeated field whose items repeat (nil: none do).
    let sharing: ItemsSharing<Row>?
    /// How a repeated field's items read in its CSV cell.
    private var itemFormat: (item: @Sendable (ReportListItem) -> String, separator: String)?

    /// A field with one value, or none (an absent attribute or element, an empty CSV cell).
    public init(
        _ name: String, _ placement: XMLPlacement, _ origin: ValueOrigin = .tool, schemaType: String? = "xs:string",
        html: HTMLColumn<Row>? = nil, value: @escaping @Sendable (Row) -> String?
    ) {
        self.name = name
        self.placement = placement
        self.origin = origin
        self.schemaType = schemaType
        self.html = html
        self.read = { .one(value($0)) }
        self.text = value
        self.sharing = nil
    }

    /// A repeated field: one child element per item in the XML; in the CSV, each item written by
    /// `csv` from what its element holds, joined by `separator` in one cell (empty when there are none).
    /// `cell`, when given, writes that cell straight from the row, for a field read millions of times
    /// (the timeline's deliveries); the CSV/XML agreement test holds it to `csv` on the XML's items.
    /// `sharing`, when given, says which rows hold the same items: their value and cell are made once.
    public init(
        _ name: String, children element: String, separator: String, _ origin: ValueOrigin = .input,
        html: HTMLColumn<Row>? = nil, csv: @escaping @Sendable (ReportListItem) -> String,
        cell: (@Sendable (Row) -> String?)? = nil, sharing: ItemsSharing<Row>? = nil,
        items: @escaping @Sendable (Row) -> [ReportListItem]
    ) {
        self.name = name
        self.placement = .children(element)
        self.origin = origin
        self.schemaType = nil
        self.html = html
        self.read = { .many(items($0)) }
        self.text = cell ?? { Self.joined(items($0), item: csv, separator: separator) }
        self.sharing = sharing
        self.itemFormat = (csv, separator)
    }

    /// The value for a row.
    public func value(of row: Row) -> ReportFieldValue { read(row) }

    /// The row's CSV cell: the value, or a repeated value's items joined; nil when empty.
    public func csvText(of row: Row) -> String? { text(row) }

    /// A value's CSV cell. Reading the items back from `report.xml` and passing them here gives the
    /// CSV cell again: the agreement test checks exactly that.
    public func csvText(_ value: ReportFieldValue) -> String? {
        switch value {
        case .one(let text): text
        case .many(let items):
            Self.joined(items, item: itemFormat?.item ?? { _ in "" }, separator: itemFormat?.separator ?? "")
        }
    }

    /// The items written one after the other into one string (no array of item strings first); nil
    /// when there are none.
    private static func joined(
        _ items: [ReportListItem], item: (ReportListItem) -> String, separator: String
    ) -> String? {
        guard !items.isEmpty else { return nil }
        var cell = ""
        for index in items.indices {
            if index > items.startIndex { cell += separator }
            cell += item(items[index])
        }
        return cell
    }

    /// Where a field's value comes from, which decides how a CSV cell treats it.
    public enum ValueOrigin: Sendable {
        /// Text from the inputs: a CSV cell starting with `=`, `+`, `-`, `@`, tab or CR gets a `'`.
        case input
        /// A value the tool wrote: left as it is.
        case tool
    }
}

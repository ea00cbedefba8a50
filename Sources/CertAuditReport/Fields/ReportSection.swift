/// A report section described once: its XML container and row elements and its fields, in the
/// order of the CSV columns and of the XML attributes and child elements.
public struct ReportSection<Row>: Sendable {
    /// The container element: `certificates`.
    public let element: String
    /// Each row's element: `certificate`.
    public let rowElement: String
    public let fields: [ReportField<Row>]
    /// The class of a row in an HTML table (`expired`, `verdict-denied`), if it has one.
    let htmlRowClass: (@Sendable (Row) -> String?)?

    public init(
        _ element: String, row rowElement: String, htmlRowClass: (@Sendable (Row) -> String?)? = nil,
        fields: [ReportField<Row>]
    ) {
        self.element = element
        self.rowElement = rowElement
        self.htmlRowClass = htmlRowClass
        self.fields = fields
    }

    /// The CSV header: every field's name.
    public var csvColumns: [String] { fields.map(\.name) }

    /// The fields the HTML shows as columns, in order.
    public var htmlFields: [ReportField<Row>] { fields.filter { $0.html != nil } }
}

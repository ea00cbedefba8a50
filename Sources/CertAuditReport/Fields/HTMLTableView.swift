/// The HTML view of a described section: its column headings and, for each row, its cells, both
/// read from the fields that have an HTML column, as typed values the templates read
/// (`HTMLTableHeading`, `HTMLTableRow`, `HTMLTableCell`). Templates loop over `columns` and
/// `rows[].cells`, so a field given an HTML column shows without touching a template.
struct HTMLTableView<Row> {
    let section: ReportSection<Row>
    /// Rule IDs the page's rule reference has an entry for (a reason links only to those).
    let knownRules: Set<String>

    /// The cell classes a heading shares: hiding a column on narrow screens and aligning numbers
    /// concern the whole column; a cell's font or wrapping does not.
    static var headingClasses: Set<String> { ["optional", "number"] }

    var columns: [HTMLTableHeading] {
        section.htmlFields.compactMap(\.html).map { column in
            let classes =
                (column.classes.split(separator: " ").filter { Self.headingClasses.contains(String($0)) }
                + (column.sort == nil ? [] : ["sortable"])).joined(separator: " ")
            return HTMLTableHeading(heading: column.heading, classes: classes, sort: column.sort?.rawValue)
        }
    }

    func row(_ row: Row) -> HTMLTableRow {
        HTMLTableRow(rowClass: section.htmlRowClass?(row), cells: cells(row))
    }

    /// The `code` and `time` cells that have a value, for a row shown as a list item with labelled
    /// details rather than a table row (a finding in `report.html`).
    func details(_ row: Row) -> [HTMLTableCell] {
        cells(row).filter { $0.hasValue && ($0.format == .code || $0.format == .time) }
    }

    private func cells(_ row: Row) -> [HTMLTableCell] {
        section.htmlFields.map { field in
            let column = field.html!
            let value: String
            let hasValue: Bool
            var hasRule = false
            var items: [HTMLListItem] = []
            switch field.value(of: row) {
            case .one(let text):
                value = column.display?(row) ?? text ?? ""
                hasValue = text != nil
                hasRule = column.format == .rule && knownRules.contains(text ?? "")
            case .many(let list):
                value = column.display?(row) ?? ""
                hasValue = !list.isEmpty
                items = list.map { item in
                    HTMLListItem(
                        item: item,
                        hasRule: item.attributes.contains { $0.name == "rule" && knownRules.contains($0.value ?? "") })
                }
            }
            return HTMLTableCell(
                heading: column.heading, classes: column.classes, format: column.format, value: value,
                hasValue: hasValue, hasRule: hasRule, sortKey: column.sortKey?(row), items: items,
                parts: column.format == .text ? BreakOpportunities.parts(value) : [])
        }
    }
}

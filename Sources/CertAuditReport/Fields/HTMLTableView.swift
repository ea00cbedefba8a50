/// The HTML view of a described section: its column headings and, for each row, its cells, both
/// read from the fields that have an HTML column. Templates loop over `columns` and `rows[].cells`,
/// so a field given an HTML column shows without touching a template.
struct HTMLTableView<Row> {
    let section: ReportSection<Row>
    /// Rule IDs the page's rule reference has an entry for (a reason links only to those).
    let knownRules: Set<String>

    /// The cell classes a heading shares: hiding a column on narrow screens and aligning numbers
    /// concern the whole column; a cell's font or wrapping does not.
    static var headingClasses: Set<String> { ["optional", "number"] }

    /// The headings: `heading`, `classes`, and `sort` (`text`/`number`) for sortable columns. Every
    /// key is always set (`has…` flags for the optional ones): Mustache looks a missing key up in the
    /// outer contexts, and an empty string counts as true in a section.
    var columns: [[String: Any]] {
        section.htmlFields.compactMap(\.html).map { column in
            let classes =
                (column.classes.split(separator: " ").filter { Self.headingClasses.contains(String($0)) }
                + (column.sort == nil ? [] : ["sortable"])).joined(separator: " ")
            return [
                "heading": column.heading, "classes": classes, "hasClasses": !classes.isEmpty,
                "sort": column.sort?.rawValue ?? "", "hasSort": column.sort != nil,
            ]
        }
    }

    /// One row: `rowClass` if the section gives one, and its `cells`.
    func row(_ row: Row) -> [String: Any] {
        let rowClass = section.htmlRowClass?(row)
        return ["cells": cells(row), "rowClass": rowClass ?? "", "hasRowClass": rowClass != nil]
    }

    /// The `code` and `time` cells that have a value, for a row shown as a list item with labelled
    /// details rather than a table row (a finding in `report.html`).
    func details(_ row: Row) -> [[String: Any]] {
        cells(row).filter {
            ($0["hasValue"] as? Bool) == true && (($0["code"] as? Bool) == true || ($0["time"] as? Bool) == true)
        }
    }

    private func cells(_ row: Row) -> [[String: Any]] {
        section.htmlFields.map { field in
            let column = field.html!
            let sortKey = column.sortKey?(row)
            var cell: [String: Any] = [
                "heading": column.heading, "classes": column.classes, "hasClasses": !column.classes.isEmpty,
                "sortKey": sortKey ?? "", "hasSortKey": sortKey != nil, "items": [[String: Any]](),
            ]
            for format in HTMLColumn<Row>.Format.allCases { cell[format.rawValue] = format == column.format }
            let value = field.value(of: row)
            switch value {
            case .one(let text):
                cell["value"] = column.display?(row) ?? text ?? ""
                cell["hasValue"] = text != nil
                cell["hasRule"] = column.format == .rule && knownRules.contains(text ?? "")
            case .many(let items):
                cell["value"] = column.display?(row) ?? ""
                cell["hasValue"] = !items.isEmpty
                cell["hasRule"] = false
                cell["items"] = items.map { item -> [String: Any] in
                    var context: [String: Any] = ["text": item.text ?? ""]
                    for attribute in item.attributes { context[attribute.name] = attribute.value ?? "" }
                    context["hasRule"] = item.attributes.contains {
                        $0.name == "rule" && knownRules.contains($0.value ?? "")
                    }
                    return context
                }
            }
            cell["parts"] = column.format == .text ? BreakOpportunities.parts(cell["value"] as? String ?? "") : []
            return cell
        }
    }
}

/// The HTML of a described section's table: its heading cells and each row's cells, written here
/// from the fields that have an HTML column, every value escaped (`HTMLEscaping`). The templates
/// insert them as they are (`{{{headings}}}`, `{{{cells}}}`) and keep the table, each row's `<tr>`
/// and its class: a field given an HTML column shows without touching a template.
///
/// Decision: cells are written in Swift rather than by a Mustache partial per cell. Mustache looks
/// every name up through dynamic casts, and a partial's dozen sections per cell made it a third of a
/// run's CPU time at 20,000 certificates; this writes the same bytes in a small fraction of that.
struct HTMLTableView<Row> {
    let section: ReportSection<Row>
    /// Rule IDs the page's rule reference has an entry for (a rule cell or reason links only to those).
    let knownRules: Set<String>
    /// The page holding the rule reference, before `#rule-ID`: empty on `report.html` itself,
    /// `../report.html` on the pages.
    let rulePage: String

    /// The fields the table shows, with their columns, in order (read once, not for every row), and
    /// the start of each column's cells, `<td data-label="…" class="…"`, escaped once here: escaping
    /// every cell's heading and classes again was a fifth of the pages' row CPU.
    private let columns: [ShownColumn]

    /// A column the table shows, held by reference: each cell read its field and column out of the
    /// array as a copy, retaining and releasing all their closures (some 640 instructions a cell,
    /// callgrind; the pages have millions of cells at 100,000 certificates).
    private final class ShownColumn: Sendable {
        let field: ReportField<Row>
        let column: HTMLColumn<Row>
        let openTag: [UInt8]

        init(field: ReportField<Row>, column: HTMLColumn<Row>, openTag: [UInt8]) {
            self.field = field
            self.column = column
            self.openTag = openTag
        }
    }

    init(section: ReportSection<Row>, knownRules: Set<String>, rulePage: String = "") {
        self.section = section
        self.knownRules = knownRules
        self.rulePage = rulePage
        self.columns = section.htmlFields.map { field in
            let column = field.html!
            var openTag = Array("<td".utf8)
            Self.attribute("data-label", column.heading, to: &openTag)
            if !column.classes.isEmpty { Self.attribute("class", column.classes, to: &openTag) }
            return ShownColumn(field: field, column: column, openTag: openTag)
        }
    }

    /// The cell classes a heading shares: hiding a column on narrow screens and aligning numbers
    /// concern the whole column; a cell's font or wrapping does not.
    static var headingClasses: Set<String> { ["optional", "number"] }

    /// The `<th>` of every column: its heading, the classes the whole column shares, and how it
    /// sorts (`data-sort`, marked ↕).
    var headings: String {
        var html: [UInt8] = []
        for column in columns.map(\.column) {
            let classes =
                (column.classes.split(separator: " ").filter { Self.headingClasses.contains(String($0)) }
                + (column.sort == nil ? [] : ["sortable"])).joined(separator: " ")
            html.append(contentsOf: "<th".utf8)
            if !classes.isEmpty { Self.attribute("class", classes, to: &html) }
            if let sort = column.sort { Self.attribute("data-sort", sort.rawValue, to: &html) }
            html.append(UInt8(ascii: ">"))
            HTMLEscaping.append(column.heading, to: &html)
            if column.sort != nil { html.append(contentsOf: " &#8597;".utf8) }
            html.append(contentsOf: "</th>".utf8)
        }
        return String(decoding: html, as: UTF8.self)
    }

    func row(_ row: Row) -> HTMLTableRow {
        var html: [UInt8] = []
        html.reserveCapacity(1_024)
        for shown in columns {
            appendCell(shown.column, shown.openTag, shown.field.value(of: row), of: row, to: &html)
        }
        return HTMLTableRow(rowClass: section.htmlRowClass?(row), cellBytes: html)
    }

    /// The `code` and `time` fields that have a value, for a row shown as a list item with labelled
    /// details rather than a table row (a finding in `report.html`).
    func details(_ row: Row) -> [HTMLDetail] {
        columns.compactMap { shown in
            let (field, column) = (shown.field, shown.column)
            guard column.format == .code || column.format == .time,
                let (text, _) = Self.shown(column, field.value(of: row), of: row)
            else { return nil }
            return HTMLDetail(heading: column.heading, format: column.format, value: text)
        }
    }

    /// What a cell shows when its field has a value (nil when it has none): its text — the column's
    /// display, else the value itself — and a repeated field's items.
    private static func shown(_ column: HTMLColumn<Row>, _ value: ReportFieldValue, of row: Row) -> (
        text: String, items: [ReportListItem]
    )? {
        switch value {
        case .one(let text?): (column.display?(row) ?? text, [])
        case .many(let items) where !items.isEmpty: (column.display?(row) ?? "", items)
        case .one(nil), .many: nil
        }
    }

    /// One `<td>`: labelled with its column's heading (`data-label`, what a narrow screen shows), its
    /// classes and sort key, and, when the field has a value, the value marked up by its format.
    private func appendCell(
        _ column: HTMLColumn<Row>, _ openTag: [UInt8], _ value: ReportFieldValue, of row: Row, to html: inout [UInt8]
    ) {
        html.append(contentsOf: openTag)
        if let sortKey = column.sortKey?(row) { Self.attribute("data-key", sortKey, to: &html) }
        html.append(UInt8(ascii: ">"))
        if let (text, items) = Self.shown(column, value, of: row) {
            switch column.format {
            case .plain:
                HTMLEscaping.append(text, to: &html)
            case .text:
                Self.appendBreakable(text, to: &html)
            case .code:
                Self.element("code", text, to: &html)
            case .time:
                Self.element("time", text, to: &html)
            case .rule:
                appendRule(text, to: &html)
            case .reasons:
                appendReasons(items, to: &html)
            }
        }
        html.append(contentsOf: "</td>".utf8)
    }

    /// Free text with `<wbr>` after each part `BreakOpportunities` cuts it into. ASCII text, where
    /// every byte is a character (CR LF aside, neither a separator), is cut here byte by byte without
    /// making a string of each part.
    private static func appendBreakable(_ text: String, to html: inout [UInt8]) {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            for part in BreakOpportunities.parts(text) {
                HTMLEscaping.append(part, to: &html)
                html.append(contentsOf: "<wbr>".utf8)
            }
            return
        }
        for byte in text.utf8 {
            HTMLEscaping.append(byte, to: &html)
            if BreakOpportunities.isSeparator(byte) { html.append(contentsOf: "<wbr>".utf8) }
        }
        if text.isEmpty || !BreakOpportunities.isSeparator(text.utf8.last!) {
            html.append(contentsOf: "<wbr>".utf8)
        }
    }

    /// An operation's reasons: one list item each, its effect, its rule and its text.
    private func appendReasons(_ items: [ReportListItem], to html: inout [UInt8]) {
        html.append(contentsOf: "<ul class=\"reasons\">".utf8)
        for item in items {
            let effect = item["effect"]
            html.append(contentsOf: "<li".utf8)
            Self.attribute("class", "effect-" + effect, to: &html)
            html.append(UInt8(ascii: ">"))
            HTMLEscaping.append(effect, to: &html)
            html.append(UInt8(ascii: " "))
            appendRule(item["rule"], to: &html)
            html.append(contentsOf: ": ".utf8)
            HTMLEscaping.append(item.text ?? "", to: &html)
            html.append(contentsOf: "</li>".utf8)
        }
        html.append(contentsOf: "</ul>".utf8)
    }

    /// A rule ID as code, linked to its entry in the rule reference when there is one.
    private func appendRule(_ rule: String, to html: inout [UInt8]) {
        guard knownRules.contains(rule) else {
            Self.element("code", rule, to: &html)
            return
        }
        // The link's parts escaped one after another: joining them first made a string per rule cell.
        html.append(contentsOf: "<a href=\"".utf8)
        HTMLEscaping.append(rulePage, to: &html)
        html.append(contentsOf: "#rule-".utf8)
        HTMLEscaping.append(rule, to: &html)
        html.append(contentsOf: "\">".utf8)
        Self.element("code", rule, to: &html)
        html.append(contentsOf: "</a>".utf8)
    }

    /// ` name="value"`, the value escaped.
    private static func attribute(_ name: String, _ value: String, to html: inout [UInt8]) {
        html.append(UInt8(ascii: " "))
        html.append(contentsOf: name.utf8)
        html.append(contentsOf: "=\"".utf8)
        HTMLEscaping.append(value, to: &html)
        html.append(UInt8(ascii: "\""))
    }

    /// `<name>text</name>`, the text escaped.
    private static func element(_ name: String, _ text: String, to html: inout [UInt8]) {
        html.append(UInt8(ascii: "<"))
        html.append(contentsOf: name.utf8)
        html.append(UInt8(ascii: ">"))
        HTMLEscaping.append(text, to: &html)
        html.append(contentsOf: "</".utf8)
        html.append(contentsOf: name.utf8)
        html.append(UInt8(ascii: ">"))
    }
}

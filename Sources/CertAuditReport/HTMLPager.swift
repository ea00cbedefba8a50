import CertAuditCore
internal import Mustache

/// Pages a described section into `pages/<title>-0001.html`, … when `report.html` shows only its
/// first rows: each page a table of `pageSize` rows with the section's HTML columns, linked to the
/// previous and next page and back to the report. A row costs about 10 µs (its cells written by
/// `HTMLTableView`; 160 µs when a Mustache partial wrote each cell). Pages are rendered one after
/// the other on the caller's thread and handed on as each is done: the report writer renders them
/// beside report.xml on a thread that gives way to it (`ReportWriter.othersPriorityStep`), where
/// pages spread over the shared pool would not.
struct HTMLPager<Row: Sendable>: Sendable {
    static var templateName: String { "page.html" }

    let library: MustacheLibrary
    let view: HTMLTableView<Row>
    /// `inventory`, `findings`: the file names' stem and the table's ID.
    let title: String
    let heading: String
    /// How the rows are ordered, for the note above the table.
    let order: String
    let csvFile: String
    let pageSize: Int
    /// The report header every page repeats (as-of time, time zone, generator).
    let header: ReportHeader

    func fileName(_ page: Int) -> String { HTMLPageNames.fileName(title, page: page) }

    /// Every page, `rows` read a page at a time (a lazy section makes each row then, once).
    func render<Rows: RandomAccessCollection & Sendable>(
        _ rows: Rows, into take: (String, [UInt8]) throws(ReportError) -> Void
    ) throws(ReportError) where Rows.Element == Row, Rows.Index == Int {
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        for page in 1...pages {
            guard let html = render(page, of: pages, rows) else {
                throw ReportError(.templates, "the templates have no \(Self.templateName).mustache")
            }
            try take(HTMLPageNames.folder + "/" + fileName(page), html)
        }
    }

    /// One page's HTML, or nil when the templates have no page template.
    private func render<Rows: RandomAccessCollection>(_ page: Int, of pages: Int, _ rows: Rows) -> [UInt8]?
    where Rows.Element == Row, Rows.Index == Int {
        let first = (page - 1) * pageSize
        let slice = rows[first..<min(rows.count, first + pageSize)]
        // The rows whole (`tableRows`), as the built-in page writes them: a Mustache loop over a
        // page's rows cost more than writing their cells (1.7 s of CPU at 100,000 certificates).
        // `rows` stays for a page template that loops over them itself.
        let tableRows = slice.map(view.row)
        var table: [UInt8] = []
        table.reserveCapacity(tableRows.reduce(0) { $0 + $1.cellBytes.count + 32 })
        for row in tableRows { row.appendLine(to: &table) }
        func rendered(tableRows markup: String) -> String? {
            let context = TablePageView(
                generator: header.generator, asOf: header.asOf, timezone: header.timeZone,
                title: title, heading: heading, order: order, csv: csvFile, page: page, pages: pages,
                first: first + 1, last: first + slice.count, total: rows.count,
                hasPrevious: page > 1, previous: page > 1 ? fileName(page - 1) : "", previousNumber: page - 1,
                hasNext: page < pages, next: page < pages ? fileName(page + 1) : "", nextNumber: page + 1,
                headings: view.headings, rows: tableRows, tableRows: markup)
            return library.render(context, withTemplate: Self.templateName)
        }
        guard let shell = rendered(tableRows: PageTableSplice.placeholder) else { return nil }
        if let spliced = PageTableSplice.splice(table, into: Array(shell.utf8)) { return spliced }
        return rendered(tableRows: String(decoding: table, as: UTF8.self)).map { Array($0.utf8) }
    }
}

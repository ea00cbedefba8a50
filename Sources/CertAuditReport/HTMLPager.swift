internal import Mustache

/// Pages a described section into `pages/<title>-0001.html`, … when `report.html` shows only its
/// first rows: each page a table of `pageSize` rows with the section's HTML columns, linked to the
/// previous and next page and back to the report. Each page is handed on as soon as it is rendered.
struct HTMLPager<Row> {
    static var templateName: String { "page.html" }
    static var folder: String { "pages" }

    let library: MustacheLibrary
    let view: HTMLTableView<Row>
    /// `inventory`, `findings`: the file names' stem and the table's ID.
    let title: String
    let heading: String
    /// How the rows are ordered, for the note above the table.
    let order: String
    let csvFile: String
    let pageSize: Int
    /// The report header values every page repeats (as-of time, time zone, generator).
    let header: [String: Any]

    /// The first page's path inside the output folder.
    var firstPage: String { Self.folder + "/" + fileName(1) }

    func fileName(_ page: Int) -> String {
        let number = String(page)
        return title + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".html"
    }

    func render(_ rows: [Row], into take: (String, [UInt8]) throws(ReportError) -> Void) throws(ReportError) {
        let pages = (rows.count + pageSize - 1) / pageSize
        for page in 1...max(1, pages) {
            let first = (page - 1) * pageSize
            let slice = rows[first..<min(rows.count, first + pageSize)]
            var context = header
            context.merge(
                [
                    "title": title, "heading": heading, "order": order, "csv": csvFile, "page": page, "pages": pages,
                    "first": first + 1, "last": first + slice.count, "total": rows.count,
                    "hasPrevious": page > 1, "previous": page > 1 ? fileName(page - 1) : "", "previousNumber": page - 1,
                    "hasNext": page < pages, "next": page < pages ? fileName(page + 1) : "", "nextNumber": page + 1,
                    "columns": view.columns, "rows": slice.map(view.row), "rulePage": "../report.html",
                ],
                uniquingKeysWith: { $1 })
            guard let html = library.render(context, withTemplate: Self.templateName) else {
                throw ReportError(.templates, "the templates have no \(Self.templateName).mustache")
            }
            try take(Self.folder + "/" + fileName(page), Array(html.utf8))
        }
    }
}

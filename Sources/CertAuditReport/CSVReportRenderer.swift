import CertAuditCore

/// Writes the CSV files: UTF-8 with a byte-order mark, CRLF line ends (RFC 4180). `findings.csv`,
/// `inventory.csv`, `operations.csv` and `timeline.csv` are one row per XML element of the same
/// name, a column per field of the section's description (`ReportCertificate.section`, …), which
/// also says how repeated children join into one cell; booleans are `true`/`false` as in the XML.
/// `forecast.csv` and `ledger.csv` have no XML counterpart.
struct CSVReportRenderer {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let forecastColumns = ["month", "account", "policy", "renewals", "unpriced", "amount", "points"]

    /// What renewals cost by month, account and successor-validity policy (`cabf`, `one-year`).
    func forecast(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.forecastColumns,
            rows: model.forecast.map { month in
                [
                    .value(month.month), .text(month.account), .value(month.policy), .value(String(month.renewals)),
                    .value(String(month.unpriced)), .value(month.amount.description),
                    .value(month.points.description),
                ]
            })
    }

    static let ledgerColumns = [
        "date", "time", "package", "kind", "points", "counterparty", "code", "certificate", "transfer-status", "line",
    ]

    /// The points ledger as read, by package and time, each row with its line in points_ledger.csv.
    func ledger(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.ledgerColumns,
            rows: model.ledger.map { row in
                [
                    .value(row.date), .value(row.time), .text(row.package), .value(row.kind), .value(row.points),
                    .text(row.counterparty), .text(row.code), .text(row.certificate), .value(row.transferStatus),
                    .value(String(row.line)),
                ]
            })
    }

    func findings(_ model: ReportModel) -> [UInt8] { document(model.findings, ReportFinding.section) }
    func inventory(_ model: ReportModel) -> [UInt8] { document(model.certificates, ReportCertificate.section) }
    func operations(_ model: ReportModel) -> [UInt8] { document(model.operations, ReportOperation.section) }
    func timeline(_ model: ReportModel) -> [UInt8] { document(model.timeline, TimelineEvent.reportSection) }

    func findings(_ model: ReportModel, into output: BufferedFileOutput) throws(ReportError) {
        try stream(model.findings, ReportFinding.section, into: output)
    }
    func inventory(_ model: ReportModel, into output: BufferedFileOutput) throws(ReportError) {
        try stream(model.certificates, ReportCertificate.section, into: output)
    }
    func operations(_ model: ReportModel, into output: BufferedFileOutput) throws(ReportError) {
        try stream(model.operations, ReportOperation.section, into: output)
    }
    func timeline(_ model: ReportModel, into output: BufferedFileOutput) throws(ReportError) {
        try stream(model.timeline, TimelineEvent.reportSection, into: output)
    }

    /// A described section in memory: a column per field, a row per element.
    private func document<Row>(_ rows: [Row], _ section: ReportSection<Row>) -> [UInt8] {
        var text = Self.line(section.csvColumns.map { CSVCell.value($0) })
        for row in rows { text += Self.line(Self.cells(row, section)) }
        return Self.byteOrderMark + Array(text.utf8)
    }

    /// A described section streamed row by row into a file.
    private func stream<Row>(_ rows: [Row], _ section: ReportSection<Row>, into output: BufferedFileOutput)
        throws(ReportError)
    {
        try output.write(Self.byteOrderMark)
        try output.write(Self.line(section.csvColumns.map { CSVCell.value($0) }))
        for row in rows { try output.write(Self.line(Self.cells(row, section))) }
    }

    private static func cells<Row>(_ row: Row, _ section: ReportSection<Row>) -> [CSVCell] {
        section.fields.map { field in
            let text = field.csvText(of: row)
            return field.origin == .input ? .text(text) : .value(text)
        }
    }

    /// One record: the cells encoded, comma-separated, CRLF-terminated.
    private static func line(_ cells: [CSVCell]) -> String {
        cells.map(\.encoded).joined(separator: ",") + "\r\n"
    }

    private func document(header: [String], rows: [[CSVCell]]) -> [UInt8] {
        var text = Self.line(header.map { CSVCell.value($0) })
        for row in rows { text += Self.line(row) }
        return Self.byteOrderMark + Array(text.utf8)
    }
}

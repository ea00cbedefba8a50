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
    func timeline(_ model: ReportModel) -> [UInt8] { document(model.timeline, ReportTimelineEvent.section) }

    /// A described section: a column per field, a row per element.
    private func document<Row>(_ rows: [Row], _ section: ReportSection<Row>) -> [UInt8] {
        document(
            header: section.csvColumns,
            rows: rows.map { row in
                section.fields.map { field in
                    let text = field.csvText(of: row)
                    return field.origin == .input ? .text(text) : .value(text)
                }
            })
    }

    private func document(header: [String], rows: [[CSVCell]]) -> [UInt8] {
        var text = header.joined(separator: ",") + "\r\n"
        for row in rows {
            text += row.map(\.encoded).joined(separator: ",") + "\r\n"
        }
        return Self.byteOrderMark + Array(text.utf8)
    }
}

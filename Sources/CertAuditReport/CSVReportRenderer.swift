import CertAuditCore

/// Writes the CSV files: UTF-8 with a byte-order mark, CRLF line ends (RFC 4180). `findings.csv`,
/// `inventory.csv`, `operations.csv` and `timeline.csv` are one row per XML element of the same
/// name, a column per field of the section's description (`ReportCertificate.section`, …), which
/// also says how repeated children join into one cell; booleans are `true`/`false` as in the XML.
/// `changes.csv` is one row per child of `<changes>`; `forecast.csv` and `ledger.csv` have no XML
/// counterpart. A run writes `findings.csv` and `timeline.csv` beside report.xml instead (`CSVTwins`),
/// the same bytes as here.
struct CSVReportRenderer {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One row per child of `<changes>`: `item` says which (`note`, `finding`, `certificate`,
    /// `operation`); the columns an item does not have are empty.
    static let changeColumns = [
        "item", "change", "key", "rule", "severity", "certificate", "resource", "package", "first-seen",
        "fingerprint", "previous-certificate", "previous-fingerprint", "requested-at", "kind", "verdict",
        "previous-verdict", "note",
    ]

    func changes(_ model: ReportModel) -> [UInt8] {
        var bytes = Self.byteOrderMark
        Self.appendRecord(Self.changeColumns.map { CSVCell.value($0) }, to: &bytes)
        Self.forEachChange(model) { Self.appendRecord($0, to: &bytes) }
        return bytes
    }

    /// changes.csv streamed a record at a time: compared with a baseline, it has a row per finding
    /// (some 240,000 at 100,000 certificates), too many to hold as cells first.
    func changes(_ model: ReportModel, into output: BufferedFileOutput) throws(ReportError) {
        try output.write(Self.byteOrderMark)
        try output.append { Self.appendRecord(Self.changeColumns.map { CSVCell.value($0) }, to: &$0) }
        try Self.forEachChange(model) { (row: [CSVCell]) throws(ReportError) in
            try output.append { Self.appendRecord(row, to: &$0) }
        }
    }

    /// Each row of changes.csv, in order, handed to `take`.
    private static func forEachChange<Failure: Error>(
        _ model: ReportModel, _ take: ([CSVCell]) throws(Failure) -> Void
    ) throws(Failure) {
        let changes = model.changes
        let empty = [CSVCell](repeating: .value(nil), count: Self.changeColumns.count)
        if let note = changes.note {
            var row = empty
            row[0] = .value("note")
            row[16] = .text(note)
            try take(row)
        }
        for finding in changes.findings {
            var row = empty
            row[0] = .value("finding")
            row[1] = .value(finding.change)
            row[2] = .text(finding.key)
            row[3] = .text(finding.rule)
            row[4] = .value(finding.severity)
            row[5] = .text(finding.certificate)
            row[6] = .text(finding.resource)
            row[7] = .text(finding.package)
            row[8] = .value(finding.firstSeen)
            try take(row)
        }
        for certificate in changes.certificates {
            var row = empty
            row[0] = .value("certificate")
            row[1] = .value(certificate.change)
            row[5] = .text(certificate.id)
            row[9] = .value(certificate.fingerprint)
            row[10] = .text(certificate.previousID)
            row[11] = .value(certificate.previousFingerprint)
            try take(row)
        }
        for operation in changes.operations {
            var row = empty
            row[0] = .value("operation")
            row[1] = .value("verdict-changed")
            row[5] = .text(operation.certificate)
            row[12] = .value(operation.requestedAt)
            row[13] = .value(operation.kind)
            row[14] = .value(operation.verdict)
            row[15] = .value(operation.previousVerdict)
            try take(row)
        }
    }

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

    func inventory(_ certificates: ReportCertificates, into output: BufferedFileOutput) throws(ReportError) {
        try stream(certificates, ReportCertificate.section, into: output)
    }
    func operations(_ model: ReportModel, into output: BufferedFileOutput) throws(ReportError) {
        try stream(model.operations, ReportOperation.section, into: output)
    }

    /// A described section in memory: a column per field, a row per element.
    func document<Row>(_ rows: some Sequence<Row>, _ section: ReportSection<Row>) -> [UInt8] {
        var bytes = Self.byteOrderMark
        Self.appendRecord(section.csvColumns.map { CSVCell.value($0) }, to: &bytes)
        let columns = CSVSectionStream.columns(section)
        for row in rows { CSVSectionStream.appendRecord(row, columns, to: &bytes) }
        return bytes
    }

    /// A described section streamed row by row into a file, each record encoded straight into the
    /// file's buffer. Each row is taken from `rows` once (a lazy section makes it then).
    private func stream<Row>(
        _ rows: some Sequence<Row>, _ section: ReportSection<Row>, into output: BufferedFileOutput
    ) throws(ReportError) {
        let file = try CSVSectionStream(section, into: output)
        for row in rows { try file.append(row) }
    }

    /// One record: the cells encoded, comma-separated, CRLF-terminated.
    static func appendRecord(_ cells: [CSVCell], to record: inout [UInt8]) {
        appendRecord(cells: cells.count, to: &record) { index, record in cells[index].append(to: &record) }
    }

    /// One record of `count` cells, each appended by `cell` (given its index), comma-separated and
    /// CRLF-terminated: the framing every CSV file's records share, whatever their cells are made of.
    @inline(__always)
    static func appendRecord(cells count: Int, to record: inout [UInt8], _ cell: (Int, inout [UInt8]) -> Void) {
        for index in 0..<count {
            if index > 0 { record.append(UInt8(ascii: ",")) }
            cell(index, &record)
        }
        record.append(UInt8(ascii: "\r"))
        record.append(UInt8(ascii: "\n"))
    }

    private func document(header: [String], rows: [[CSVCell]]) -> [UInt8] {
        var bytes = Self.byteOrderMark
        Self.appendRecord(header.map { CSVCell.value($0) }, to: &bytes)
        for row in rows { Self.appendRecord(row, to: &bytes) }
        return bytes
    }
}

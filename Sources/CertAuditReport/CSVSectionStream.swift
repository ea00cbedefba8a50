/// A described section's CSV file (`findings.csv`, `timeline.csv`, …) written a record at a time
/// into its file's buffer: a column per field, a record per row.
///
/// A record is made from the row alone, or from the texts report.xml's writer has just read for the
/// same row (`XMLReportRenderer`'s twins): each field is then read once for both files, and the rows
/// are made and walked once. At 100,000 certificates that is 1.6 million timeline events (with the
/// alert cursor's walk) and 240,000 findings, each read once instead of twice.
final class CSVSectionStream<Row> {
    private let output: BufferedFileOutput
    private let columns: [(guarded: Bool, text: (Row) -> String?)]
    /// The columns whose text the XML writer reads too (`XMLPlacement.isReadAsText`).
    private let sharedWithXML: [Bool]
    /// The first error writing the file; once there is one, the records after it are dropped.
    private(set) var failure: ReportError?

    /// Starts the file: the byte-order mark and the header.
    init(_ section: ReportSection<Row>, into output: BufferedFileOutput) throws(ReportError) {
        self.output = output
        columns = Self.columns(section)
        sharedWithXML = section.fields.map(\.placement.isReadAsText)
        try output.write(CSVReportRenderer.byteOrderMark)
        try output.append { CSVReportRenderer.appendRecord(section.csvColumns.map { CSVCell.value($0) }, to: &$0) }
    }

    /// The row's record, every cell read from the row.
    func append(_ row: Row) throws(ReportError) {
        try output.append { Self.appendRecord(row, columns, to: &$0) }
    }

    /// The row's record, with the texts the XML writer read for it (by field; those of the other
    /// fields are read here). A failure is kept in `failure`, not thrown: the XML writer stops at it.
    func append(_ row: Row, xmlTexts texts: [String?]) {
        guard failure == nil else { return }
        do throws(ReportError) {
            try output.append { Self.appendRecord(row, columns, xmlTexts: (texts, sharedWithXML), to: &$0) }
        } catch {
            failure = error
        }
    }

    /// How each column of a described section reads a row's cell, and whether the cell is input text
    /// (guarded against formula injection): taken from the fields once per file rather than per cell;
    /// a cell whose items rows share (the alerts' deliveries) is made once per shared list.
    static func columns(_ section: ReportSection<Row>) -> [(guarded: Bool, text: (Row) -> String?)] {
        section.fields.map { field in (field.origin == .input, SharedValues.reader(of: field, field.text)) }
    }

    /// One record of a described section: the row's cells encoded, comma-separated, CRLF-terminated;
    /// a cell the XML writer read (`xmlTexts`) taken from its texts.
    static func appendRecord(
        _ row: Row, _ columns: [(guarded: Bool, text: (Row) -> String?)],
        xmlTexts: (texts: [String?], shared: [Bool])? = nil, to record: inout [UInt8]
    ) {
        CSVReportRenderer.appendRecord(cells: columns.count, to: &record) { index, record in
            let text =
                if let xmlTexts, xmlTexts.shared[index] { xmlTexts.texts[index] } else { columns[index].text(row) }
            CSVCell.append(text, guarded: columns[index].guarded, to: &record)
        }
    }
}

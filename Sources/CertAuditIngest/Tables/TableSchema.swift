import CertAuditCSV
import CertAuditCore

/// An input table as a declaration: its columns, the column that identifies a row, and how a row
/// becomes a record. The machinery — header matching, field counts, quarantine, bad values,
/// accounting — is the same for every table.
struct TableSchema<Record: Sendable, Column: InputTableColumn>: Sendable {
    let columns: [TableColumn<Column>]
    /// The row's ID: a row that repeats an earlier accepted row's ID is quarantined (spec/INPUTS.md:
    /// "no usable ID"). nil for tables whose rows have no ID of their own (operations, holidays).
    let idColumn: Column?
    /// Turns one row into a record, or throws the row's first essential problem; bad values of
    /// other columns stay in the row.
    let makeRecord: @Sendable (inout TableRow<Column>) throws(RowIssue) -> Record

    /// The most rows reserved up front: a file of blank lines cannot make the reader ask for more
    /// than this; a larger table grows past it as arrays do.
    static var reservationLimit: Int { 1 << 22 }

    init(
        columns: [TableColumn<Column>], id idColumn: Column?,
        makeRecord: @escaping @Sendable (inout TableRow<Column>) throws(RowIssue) -> Record
    ) {
        self.columns = columns
        self.idColumn = idColumn
        self.makeRecord = makeRecord
    }

    func read(
        path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone, workers: Int = 1
    ) throws(InputFileError) -> TableReadResult<Record> {
        try read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone, workers: workers) { $0 }
    }

    /// The table with each accepted record turned by `keep`, in input order, as it is read: what the
    /// result holds is then the only copy of each row (the certificates table interns its rows and
    /// makes them the estate's certificates, so no second pass copies a whole table).
    ///
    /// The rows are parsed in batches; each batch's records are made on `workers` threads (a
    /// million-row table spent most of its time there, on one core while the other waited), then
    /// checked for repeated IDs and kept one after the other, in input order: the result does not
    /// depend on `workers`.
    func read<Kept>(
        path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone, workers: Int = 1,
        keep: (Record) -> Kept
    ) throws(InputFileError) -> TableReadResult<Kept> {
        let file = try CSVFile(path: path, name: inputName, encoding: encoding)
        let layout = try HeaderLayout(header: file.header, columns: columns, file: inputName)
        var result = TableReadResult<Kept>(
            records: [], quarantine: [], badValues: [],
            fields: Dictionary(uniqueKeysWithValues: layout.positions.map { (InputColumn($0.key), $0.value + 1) }),
            summary: InputSummary(
                name: inputName, sha256: "", rows: 0, accepted: 0, quarantined: 0, encoding: file.encoding))
        result.records.reserveCapacity(min(file.maximumRowCount, Self.reservationLimit))
        if file.encoding != "utf-8" { result.summary.notes.append("read as \(file.encoding)") }
        if !layout.unknownColumns.isEmpty {
            result.summary.notes.append(
                "unknown columns kept out of the checks: " + layout.unknownColumns.joined(separator: ", "))
        }
        // Sized for every row at once: grown by doubling, the table rehashed every ID it held (about
        // 40 ms at 100,000 certificates, and both tables held at once at each step).
        var firstLine: [String: Int] = [:]
        if idColumn != nil { firstLine.reserveCapacity(min(file.maximumRowCount, Self.reservationLimit)) }
        let columnCount = file.header.count
        /// One batch's outcomes into the result, in input order, on this thread.
        func merge(_ batch: [CSVRow], _ made: [MadeRow]) {
            for (row, outcome) in zip(batch, made) {
                result.summary.rows += 1
                switch outcome {
                case .malformed(let column, let reason):
                    result.quarantine.append(
                        QuarantineRecord(input: inputName, line: row.line, column: column, reason: reason))
                case .quarantined(let issue, let certificateID):
                    result.quarantine.append(
                        QuarantineRecord(
                            input: inputName, line: row.line, column: issue.column, reason: issue.reason,
                            certificateID: certificateID))
                case .record(let record, let tableRow):
                    if let idColumn, let id = tableRow.text(idColumn) {
                        if let first = firstLine[id] {
                            // No certificate ID: the ID names the earlier row, which stays.
                            let issue = tableRow.issue(
                                idColumn, "\(idColumn.rawValue) '\(id)' already appears on line \(first)")
                            result.quarantine.append(
                                QuarantineRecord(
                                    input: inputName, line: row.line, column: issue.column, reason: issue.reason))
                            continue
                        }
                        firstLine[id] = row.line
                    }
                    result.records.append(keep(record))
                    result.badValues += tableRow.badValues
                }
            }
        }
        /// The next batch of rows (fewer than `batchSize` only at the end of the file).
        func parsed() -> [CSVRow] {
            var batch: [CSVRow] = []
            batch.reserveCapacity(Self.batchSize)
            while batch.count < Self.batchSize, let row = file.nextRow() { batch.append(row) }
            return batch
        }
        // Each batch's records are made on the workers while this thread merges the batch before
        // and parses the one after: parsed, made and merged in turn, the parsing and the merging
        // ran on one core while the other waited (100,000 certificates: the tables took 2.2–2.9 s
        // at about 1.1 cores, now 1.6–1.8). The merge keeps input order; the result does not
        // depend on `workers`.
        let make = makeRecord
        var batch = parsed()
        var previous: (batch: [CSVRow], made: [MadeRow])?
        while !batch.isEmpty {
            let current = batch
            let last = current.count < Self.batchSize
            let made = overlapping(
                workers: workers,
                background: {
                    parallelMap(current, workers: current.count < Self.batchSize / 4 ? 1 : workers) { row in
                        Self.made(row, columnCount: columnCount, layout: layout, timeZone: timeZone, makeRecord: make)
                    }
                },
                foreground: {
                    if let previous { merge(previous.batch, previous.made) }
                    batch = last ? [] : parsed()
                })
            previous = (current, made)
        }
        if let previous { merge(previous.batch, previous.made) }
        result.summary.accepted = result.records.count
        result.summary.quarantined = result.quarantine.count
        return result
    }

    /// Rows parsed before their records are made together; a last batch under a quarter of this (a
    /// small table) is made on one thread, where starting the workers would cost more.
    static var batchSize: Int { 4096 }

    /// What one row becomes, made on any thread: nothing here depends on the rows before it.
    private enum MadeRow: Sendable {
        case malformed(column: Int?, reason: String)
        case quarantined(RowIssue, certificateID: String?)
        case record(Record, TableRow<Column>)
    }

    private static func made(
        _ row: CSVRow, columnCount: Int, layout: HeaderLayout<Column>, timeZone: RunTimeZone,
        makeRecord: (inout TableRow<Column>) throws(RowIssue) -> Record
    ) -> MadeRow {
        switch row {
        case .malformed(_, let column, let reason):
            return .malformed(column: column, reason: reason)
        case .record(let line, let fields):
            guard fields.count == columnCount else {
                return .malformed(column: nil, reason: "row has \(fields.count) fields, the header has \(columnCount)")
            }
            var tableRow = TableRow(line: line, fields: fields, layout: layout, timeZone: timeZone)
            do {
                return .record(try makeRecord(&tableRow), tableRow)
            } catch {
                return .quarantined(error, certificateID: tableRow.certificateID)
            }
        }
    }
}

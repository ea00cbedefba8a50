import CertAuditCSV
import CertAuditCore

/// An input table as a declaration: its columns, and how a row becomes a record. The machinery —
/// header matching, field counts, quarantine, accounting — is the same for every table.
struct TableSchema<Record: Sendable>: Sendable {
    let columns: [TableColumn]
    /// Turns one row into a record, or throws the row's first problem.
    let makeRecord: @Sendable (TableRow) throws(RowIssue) -> Record

    func read(path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone)
        throws(InputFileError) -> TableReadResult<Record>
    {
        let file = try CSVFile(path: path, name: inputName, encoding: encoding)
        let layout = try HeaderLayout(header: file.header, columns: columns, file: inputName)
        var result = TableReadResult<Record>(
            records: [], quarantine: [],
            summary: InputSummary(
                name: inputName, sha256: "", rows: 0, accepted: 0, quarantined: 0, encoding: file.encoding))
        if file.encoding != "utf-8" { result.summary.notes.append("read as \(file.encoding)") }
        if !layout.unknownColumns.isEmpty {
            result.summary.notes.append(
                "unknown columns kept out of the checks: " + layout.unknownColumns.joined(separator: ", "))
        }
        while let row = file.nextRow() {
            result.summary.rows += 1
            switch row {
            case .malformed(let line, let column, let reason):
                result.quarantine.append(QuarantineRecord(input: inputName, line: line, column: column, reason: reason))
            case .record(let line, let fields):
                guard fields.count == file.header.count else {
                    result.quarantine.append(
                        QuarantineRecord(
                            input: inputName, line: line,
                            reason: "row has \(fields.count) fields, the header has \(file.header.count)"))
                    continue
                }
                let tableRow = TableRow(line: line, fields: fields, layout: layout, timeZone: timeZone)
                do {
                    result.records.append(try makeRecord(tableRow))
                } catch {
                    result.quarantine.append(
                        QuarantineRecord(
                            input: inputName, line: line, column: error.column, reason: error.reason,
                            certificateID: tableRow.certificateID))
                }
            }
        }
        result.summary.accepted = result.records.count
        result.summary.quarantined = result.quarantine.count
        return result
    }
}

/// What one read of an input table gives: the accepted records, the quarantined rows, the accounting.
public struct TableReadResult<Record: Sendable>: Sendable {
    public var records: [Record]
    public var quarantine: [QuarantineRecord]
    /// `sha256` is left empty: the caller, which owns hashing, fills it in.
    public var summary: InputSummary
}

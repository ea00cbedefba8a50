import CertAuditCSV
import CertAuditCore

/// Where each known column sits in a file's header. A duplicated column (after normalisation) or a
/// missing required one is a file-level error; unknown columns are listed once.
struct HeaderLayout<Column: InputTableColumn>: Sendable {
    /// Column → field index.
    let positions: [Column: Int]
    let unknownColumns: [String]
    /// The columns whose bad value quarantines the row.
    let essential: Set<Column>

    init(header: [String], columns: [TableColumn<Column>], file: String) throws(InputFileError) {
        var spelling: [String: Column] = [:]
        for column in columns {
            for name in [column.name] + column.aliases { spelling[TableColumn<Column>.normalise(name)] = column.column }
        }
        var positions: [Column: Int] = [:]
        var seen: [String: Int] = [:]
        var unknown: [String] = []
        for (index, raw) in header.enumerated() {
            let key = TableColumn<Column>.normalise(raw)
            if let first = seen[key] {
                throw InputFileError(
                    file: file,
                    reason: "column '\(raw)' (field \(index + 1)) duplicates '\(header[first])' (field \(first + 1))")
            }
            seen[key] = index
            if let column = spelling[key] {
                if positions[column] != nil {
                    throw InputFileError(file: file, reason: "column '\(raw)' names '\(column.rawValue)' a second time")
                }
                positions[column] = index
            } else {
                unknown.append(raw.isEmpty ? "(empty name, field \(index + 1))" : raw)
            }
        }
        for column in columns where column.required && positions[column.column] == nil {
            throw InputFileError(file: file, reason: "required column '\(column.name)' is missing")
        }
        self.positions = positions
        unknownColumns = unknown
        essential = Set(columns.filter(\.essential).map(\.column))
    }
}

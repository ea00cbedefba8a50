import CertAuditCSV

/// Where each known column sits in a file's header. A duplicated column (after normalisation) or a
/// missing required one is a file-level error; unknown columns are listed once.
struct HeaderLayout: Sendable {
    /// Canonical column name → field index.
    let positions: [String: Int]
    let unknownColumns: [String]

    init(header: [String], columns: [TableColumn], file: String) throws(InputFileError) {
        var spelling: [String: String] = [:]
        for column in columns {
            for name in [column.name] + column.aliases { spelling[TableColumn.normalise(name)] = column.name }
        }
        var positions: [String: Int] = [:]
        var seen: [String: Int] = [:]
        var unknown: [String] = []
        for (index, raw) in header.enumerated() {
            let key = TableColumn.normalise(raw)
            if let first = seen[key] {
                throw InputFileError(
                    file: file,
                    reason: "column '\(raw)' (field \(index + 1)) duplicates '\(header[first])' (field \(first + 1))")
            }
            seen[key] = index
            if let name = spelling[key] {
                if positions[name] != nil {
                    throw InputFileError(file: file, reason: "column '\(raw)' names '\(name)' a second time")
                }
                positions[name] = index
            } else {
                unknown.append(raw.isEmpty ? "(empty name, field \(index + 1))" : raw)
            }
        }
        for column in columns where column.required && positions[column.name] == nil {
            throw InputFileError(file: file, reason: "required column '\(column.name)' is missing")
        }
        self.positions = positions
        unknownColumns = unknown
    }
}

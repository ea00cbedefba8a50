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
    /// Field index by the column's case number, -1 where the header lacks the column; nil when the
    /// case numbers cannot be read (`caseNumber`). Looked up for every field of every row, where
    /// `positions` hashed the column's name each time (an eighth of reading certificates.csv).
    private let positionByCase: [Int]?

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
        let cases = Array(Column.allCases)
        if MemoryLayout<Column>.size == 1, cases.indices.allSatisfy({ Self.caseNumber(cases[$0]) == $0 }) {
            var byCase = [Int](repeating: -1, count: cases.count)
            for (column, index) in positions { byCase[Self.caseNumber(column)] = index }
            positionByCase = byCase
        } else {
            positionByCase = nil
        }
    }

    /// The field index of `column`, nil when the header lacks it.
    func position(of column: Column) -> Int? {
        guard let positionByCase else { return positions[column] }
        let index = positionByCase[Self.caseNumber(column)]
        return index < 0 ? nil : index
    }

    /// A payload-free enum of up to 256 cases is one byte in memory: its case's number in declaration
    /// order. `init` checks that against `allCases` before relying on it.
    private static func caseNumber(_ column: Column) -> Int {
        withUnsafeBytes(of: column) { Int($0[0]) }
    }
}

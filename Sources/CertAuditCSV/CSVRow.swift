/// One row of a CSV file: its fields, or why it is malformed. Either way it carries the 1-based line
/// of its first physical line, so that every row can be accounted for.
public enum CSVRow: Sendable, Hashable {
    case record(line: Int, fields: [String])
    case malformed(line: Int, column: Int?, reason: String)

    public var line: Int {
        switch self {
        case .record(let line, _), .malformed(let line, _, _): line
        }
    }
}

import CertAuditCSV
import CertAuditCore

/// One well-formed row, read by column name with typed accessors. Each accessor returns nil for a
/// value that is not given and throws a `RowIssue` naming the column and the bad value.
struct TableRow: Sendable {
    let line: Int
    let fields: [String]
    let layout: HeaderLayout
    let timeZone: RunTimeZone

    /// The row's certificate ID, for quarantine records, whether or not the row is valid.
    var certificateID: String? { text("certificate_id") }

    /// The trimmed text of a column, or nil when absent or empty.
    func text(_ column: String) -> String? {
        guard let index = layout.positions[column] else { return nil }
        let value = fields[index]
        return FieldValue.isAbsent(value) ? nil : value.trimmingCharacters(in: " \t")
    }

    func required(_ column: String) throws(RowIssue) -> String {
        guard let value = text(column) else { throw issue(column, "\(column) is required") }
        return value
    }

    func bool(_ column: String) throws(RowIssue) -> Bool? {
        try typed(column, FieldValue.bool)
    }

    func integer(_ column: String) throws(RowIssue) -> Int? {
        try typed(column, FieldValue.integer)
    }

    func time(_ column: String) throws(RowIssue) -> Instant? {
        try typed(column) { TimeField.parse($0, timeZone: timeZone) }
    }

    func date(_ column: String) throws(RowIssue) -> LocalDate? {
        try typed(column, TimeField.date)
    }

    /// Money in fen (1/100 CNY), from a decimal CNY amount.
    func fen(_ column: String) throws(RowIssue) -> Int64? {
        try typed(column, FieldValue.fen)
    }

    /// A whole number that must not be negative.
    func count(_ column: String) throws(RowIssue) -> Int? {
        guard let value = try integer(column) else { return nil }
        guard value >= 0 else { throw issue(column, "\(column) \(value) must not be negative") }
        return value
    }

    func list(_ column: String) -> [String]? {
        text(column).map(FieldValue.list)
    }

    func tags(_ column: String) throws(RowIssue) -> [Tag] {
        try typed(column, FieldValue.tags) ?? []
    }

    /// A value from a fixed vocabulary, matched case-insensitively.
    func choice<Value>(_ column: String, _ vocabulary: [String: Value], expected: String) throws(RowIssue) -> Value? {
        guard let value = text(column) else { return nil }
        guard let match = vocabulary[value.lowercased()] else {
            throw issue(column, "\(column) '\(value)' is not one of \(expected)")
        }
        return match
    }

    func typed<Value>(_ column: String, _ parse: (String) -> Result<Value, FieldError>) throws(RowIssue) -> Value? {
        guard let value = text(column) else { return nil }
        switch parse(value) {
        case .success(let parsed): return parsed
        case .failure(let error): throw issue(column, "\(column): \(error.reason)")
        }
    }

    func issue(_ column: String, _ reason: String) -> RowIssue {
        RowIssue(column: layout.positions[column].map { $0 + 1 }, reason: reason)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}

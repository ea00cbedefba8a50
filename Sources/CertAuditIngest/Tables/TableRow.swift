import CertAuditCSV
import CertAuditCore

/// One well-formed row, read by column with typed accessors. Each accessor returns nil for a value
/// that is not given. A value that does not parse quarantines the row (throws a `RowIssue`) when
/// its column is essential; otherwise it is taken as not given and kept in `badValues`, so that a
/// typo never hides the row (spec/INPUTS.md).
struct TableRow<Column: InputTableColumn>: Sendable {
    let line: Int
    let fields: [String]
    let layout: HeaderLayout<Column>
    let timeZone: RunTimeZone
    /// The values of this row taken as not given, in the order they were read.
    private(set) var badValues: [BadValue] = []

    init(line: Int, fields: [String], layout: HeaderLayout<Column>, timeZone: RunTimeZone) {
        self.line = line
        self.fields = fields
        self.layout = layout
        self.timeZone = timeZone
    }

    /// The certificate the row is about, for quarantine records and bad values: its `certificate_id`,
    /// unless the row is a resource (which only names the certificate it serves).
    var certificateID: String? {
        guard resourceID == nil else { return nil }
        return layout.positions.first { $0.key.rawValue == "certificate_id" }.flatMap { text(at: $0.value) }
    }

    /// The resource the row is about (`resources.csv`).
    var resourceID: String? {
        layout.positions.first { $0.key.rawValue == "resource_id" }.flatMap { text(at: $0.value) }
    }

    /// The trimmed text of a column, or nil when absent or empty.
    func text(_ column: Column) -> String? {
        // Not `positions[column].flatMap(text(at:))`: the method as a value holds a copy of the row
        // (its fields and layout retained and released), for every field of every row.
        guard let index = layout.position(of: column) else { return nil }
        return text(at: index)
    }

    private func text(at index: Int) -> String? {
        let value = fields[index]
        return FieldValue.isAbsent(value) ? nil : value.trimmingSpaces
    }

    /// The text of an essential column: the row is quarantined without it.
    func required(_ column: Column) throws(RowIssue) -> String {
        guard let value = text(column) else { throw issue(column, "\(column.rawValue) is required") }
        return value
    }

    mutating func bool(_ column: Column) throws(RowIssue) -> Bool? {
        try typed(column, FieldValue.bool)
    }

    mutating func integer(_ column: Column) throws(RowIssue) -> Int? {
        try typed(column, FieldValue.integer)
    }

    mutating func time(_ column: Column) throws(RowIssue) -> Instant? {
        let zone = timeZone
        return try typed(column) { TimeField.parse($0, timeZone: zone) }
    }

    mutating func date(_ column: Column) throws(RowIssue) -> LocalDate? {
        try typed(column, TimeField.date)
    }

    /// Money in fen (1/100 CNY), from a decimal CNY amount.
    mutating func fen(_ column: Column) throws(RowIssue) -> Int64? {
        try typed(column, FieldValue.fen)
    }

    /// A whole number that must not be negative.
    mutating func count(_ column: Column) throws(RowIssue) -> Int? {
        try typed(column) { text in
            FieldValue.integer(text).flatMap { value in
                value >= 0 ? .success(value) : .failure(FieldError("\(value) must not be negative"))
            }
        }
    }

    func list(_ column: Column) -> [String]? {
        text(column).map(FieldValue.list)
    }

    mutating func tags(_ column: Column) throws(RowIssue) -> [Tag] {
        try typed(column, FieldValue.tags) ?? []
    }

    /// A value from a fixed vocabulary, matched case-insensitively.
    mutating func choice<Value>(_ column: Column, _ vocabulary: [String: Value], expected: String) throws(RowIssue)
        -> Value?
    {
        try typed(column) { text in
            vocabulary[text.lowercased()].map { .success($0) }
                ?? .failure(FieldError("'\(text)' is not one of \(expected)"))
        }
    }

    mutating func typed<Value>(_ column: Column, _ parse: (String) -> Result<Value, FieldError>) throws(RowIssue)
        -> Value?
    {
        guard let value = text(column) else { return nil }
        switch parse(value) {
        case .success(let parsed): return parsed
        case .failure(let error): return try invalid(column, error.reason)
        }
    }

    /// A value of `column` that does not parse: the row's issue when the column is essential, else
    /// a bad value the row keeps (the field is then not given).
    mutating func invalid<Value>(_ column: Column, _ reason: String) throws(RowIssue) -> Value? {
        guard !layout.essential.contains(column), let index = layout.position(of: column) else {
            throw issue(column, "\(column.rawValue): \(reason)")
        }
        badValues.append(
            BadValue(
                column: InputColumn(column), line: line, field: index + 1, value: fields[index], reason: reason,
                certificateID: certificateID, resourceID: resourceID))
        return nil
    }

    func issue(_ column: Column, _ reason: String) -> RowIssue {
        RowIssue(column: layout.position(of: column).map { $0 + 1 }, reason: reason)
    }
}

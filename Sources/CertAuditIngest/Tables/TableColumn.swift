import CertAuditCore

/// One column of an input table: its canonical name, the other spellings it is known by (the cloud
/// API's CamelCase names), and what the row needs of it. Matching ignores letter case, `_`, `-` and
/// spaces.
struct TableColumn<Column: InputTableColumn>: Sendable {
    let column: Column
    let aliases: [String]
    let kind: InputColumnKind
    /// The header must name the column.
    let required: Bool
    /// The row cannot be used without a valid value here: an empty or bad value quarantines it. Any
    /// other column's bad value is taken as not given (INV-BAD-VALUE) and the row stays.
    let essential: Bool

    init(
        _ column: Column, aliases: [String] = [], kind: InputColumnKind = .value, required: Bool = false,
        essential: Bool = false
    ) {
        self.column = column
        self.aliases = aliases
        self.kind = kind
        self.required = required
        self.essential = essential
    }

    var name: String { column.rawValue }

    /// What the rest of the tool may know of the column.
    var description: InputColumnDescription {
        InputColumnDescription(column: InputColumn(column), kind: kind, essential: essential)
    }

    /// `Certificate ID`, `certificate_id` and `CertificateId` all become `certificateid`.
    static func normalise(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " && $0 != "\t" })
    }
}

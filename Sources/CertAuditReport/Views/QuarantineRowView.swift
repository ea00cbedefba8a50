/// One row in quarantine (`partials/quarantine`, `{{#quarantine}}`); the column, certificate and rule
/// are empty when the record has none, since the template prints them.
struct QuarantineRowView {
    let input: String
    let line: Int
    let reason: String
    let column: String
    let certificate: String
    let rule: String

    init(_ record: ReportQuarantineRecord) {
        input = record.input
        line = record.line
        reason = record.reason
        column = record.column.map { String($0) } ?? ""
        certificate = record.certificate ?? ""
        rule = record.rule ?? ""
    }
}

/// One row of points_ledger.csv in finance.html (`{{#ledger}}`); a column the row lacks is empty.
struct LedgerRowView {
    let date: String
    let time: String
    let package: String
    let kind: String
    let points: String
    let code: String
    let certificate: String
    let transferStatus: String
    let line: Int

    init(_ row: ReportLedgerRow) {
        date = row.date
        time = row.time
        package = row.package
        kind = row.kind
        points = row.points
        code = row.code ?? ""
        certificate = row.certificate ?? ""
        transferStatus = row.transferStatus ?? ""
        line = row.line
    }
}

internal import Mustache

/// One row of points_ledger.csv in finance.html (`{{#ledger}}`); a column the row lacks is empty.
struct LedgerRowView: MustacheParent {
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

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "time": time
        case "package": package
        case "kind": kind
        case "points": points
        case "code": code
        case "certificate": certificate
        case "transferStatus": transferStatus
        case "line": line
        default: nil
        }
    }
}

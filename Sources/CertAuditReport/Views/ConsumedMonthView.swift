/// One month of points consumed to date (`{{#consumed}}`), with its ledger lines.
struct ConsumedMonthView {
    let month: String
    let points: Int64
    /// The ledger lines, joined with `, `.
    let lines: String
}

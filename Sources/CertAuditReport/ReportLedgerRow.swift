/// One row of points_ledger.csv as finance reads it (`ledger.csv`, finance.html): its local date
/// and time, and its line in the input, so every figure can be traced to it.
public struct ReportLedgerRow: Sendable, Hashable {
    public var date: String
    public var time: String
    public var package: String
    public var kind: String
    public var points: String
    public var counterparty: String?
    public var code: String?
    public var certificate: String?
    public var transferStatus: String?
    public var line: Int
}

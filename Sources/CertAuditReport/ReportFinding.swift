/// One finding (`<finding>`, a row of `findings.csv`).
public struct ReportFinding: Sendable, Hashable {
    public var rule: String
    public var severity: String
    public var certificate: String?
    public var resource: String?
    public var package: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    public var message: String
}

/// One row or file kept out of the estate (`<quarantine><record>`).
public struct ReportQuarantineRecord: Sendable, Hashable {
    public var input: String
    public var line: Int
    public var column: Int?
    public var reason: String
    public var certificate: String?
    public var rule: String?
}

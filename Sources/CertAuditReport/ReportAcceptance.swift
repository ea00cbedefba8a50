/// One row of `accepted.csv` and what it came to (`<acceptances><acceptance>`).
public struct ReportAcceptance: Sendable, Hashable {
    /// The row's line in accepted.csv.
    public var line: Int
    public var key: String?
    public var rule: String?
    public var certificate: String?
    public var acceptedBy: String
    /// `YYYY-MM-DD`, the last day it holds.
    public var until: String
    public var reason: String
    /// `accepted`, `lapsed` or `stale` (it names no finding).
    public var status: String
    /// How many findings it names.
    public var matches: Int
}

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
    /// The finding's stable key (`FindingKey`): the same problem has the same key run after run.
    public var key: String
    /// The as-of date of the first run that reported it (`YYYY-MM-DD`): carried from the baseline for
    /// a finding still open, this run's as-of date otherwise.
    public var firstSeen: String
    /// `new` or `open` (since the last run) when the run compared with a baseline; nil otherwise.
    public var change: String?
    /// `accepted` (in force) or `lapsed` when a row of accepted.csv names it.
    public var acceptance: String?
    public var acceptedBy: String?
    /// The acceptance's last day, `YYYY-MM-DD`.
    public var acceptedUntil: String?
    public var acceptanceReason: String?
}

/// One accepted row of `accepted.csv`: a known problem someone has accepted, so that it stops
/// alarming (`--fail-on`, `--fail-on-new`) without leaving the report.
///
/// It names its findings by `findingKey`, or by `ruleID` and `certificateID` (every finding of that
/// rule about that certificate); when a row gives all three, a finding must match all three.
public struct AcceptedRisk: Sendable, Hashable {
    public var line: Int
    public var findingKey: FindingKey?
    public var ruleID: String?
    public var certificateID: String?
    public var reason: String
    public var acceptedBy: String
    /// The last local date the acceptance holds; from the day after, the finding counts again.
    public var until: LocalDate

    public init(
        line: Int, findingKey: FindingKey? = nil, ruleID: String? = nil, certificateID: String? = nil,
        reason: String, acceptedBy: String, until: LocalDate
    ) {
        self.line = line
        self.findingKey = findingKey
        self.ruleID = ruleID
        self.certificateID = certificateID
        self.reason = reason
        self.acceptedBy = acceptedBy
        self.until = until
    }

    /// Whether the row names this finding.
    public func matches(_ finding: Finding) -> Bool {
        if let findingKey, findingKey != finding.key { return false }
        if let ruleID, ruleID != finding.ruleID.rawValue { return false }
        if let certificateID, certificateID != finding.certificateID { return false }
        return true
    }

    /// Still in force on `date` (the run's as-of date): `until` is the last day it holds.
    public func holds(on date: LocalDate) -> Bool { date <= until }
}

/// One thing wrong (or worth knowing) about the estate, produced by one rule.
public struct Finding: Sendable, Hashable, Comparable {
    /// A rule ID from spec/RULES.md or a documented addition (see `certaudit rules`).
    public var ruleID: RuleID
    public var severity: Severity
    public var certificateID: String?
    public var resourceID: String?
    public var packageID: String?
    /// The local date the finding is about (an expiry, an outage), when it is about one.
    public var date: LocalDate?
    /// Plain language, for people: what is wrong and what it means.
    public var message: String

    public init(
        ruleID: RuleID, severity: Severity, certificateID: String? = nil, resourceID: String? = nil,
        packageID: String? = nil, date: LocalDate? = nil, message: String
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.certificateID = certificateID
        self.resourceID = resourceID
        self.packageID = packageID
        self.date = date
        self.message = message
    }

    /// Report order: most severe first, then rule, certificate, resource, package, date, message.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.certificateID != rhs.certificateID { return (lhs.certificateID ?? "") < (rhs.certificateID ?? "") }
        if lhs.resourceID != rhs.resourceID { return (lhs.resourceID ?? "") < (rhs.resourceID ?? "") }
        if lhs.packageID != rhs.packageID { return (lhs.packageID ?? "") < (rhs.packageID ?? "") }
        if lhs.date != rhs.date {
            return (lhs.date?.daysSinceEpoch ?? Int64.min) < (rhs.date?.daysSinceEpoch ?? Int64.min)
        }
        return lhs.message < rhs.message
    }
}

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
    /// What tells this finding apart from another of the same rule about the same certificate,
    /// resource and package (`no-san`, `domain`, a contact and channel, an input column): part of its
    /// `key`, so it names a thing that stays put from run to run, never a message or a moving date.
    public var aspect: String?

    public init(
        ruleID: RuleID, severity: Severity, certificateID: String? = nil, resourceID: String? = nil,
        packageID: String? = nil, date: LocalDate? = nil, message: String, aspect: String? = nil
    ) {
        self.aspect = aspect
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
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.aspect ?? "") < (rhs.aspect ?? "")
    }

    /// Whether `findings` are already in report order (`<`): one pass, where sorting them again
    /// costs a sort of millions of findings at a million certificates.
    public static func areInReportOrder(_ findings: [Finding]) -> Bool {
        !zip(findings, findings.dropFirst()).contains { $1 < $0 }
    }

    /// Sorts `findings` into report order (`<`; equal findings keep their input order, as `sort()`
    /// keeps them) on their positions, then rearranges them in place: `sort()` would keep a scratch
    /// copy of half of them, about 145 MB at a million certificates, at the checks' peak. On
    /// `workers` threads (`stableOrder`).
    public static func putInReportOrder(_ findings: inout [Finding], workers: Int = 1) {
        findings.rearrange(by: findings.stableOrder(workers: workers, by: <))
    }

    /// The finding's stable identity from run to run (see `FindingKey`).
    public var key: FindingKey {
        FindingKey(
            rule: ruleID.rawValue, certificate: certificateID, resource: resourceID, package: packageID, aspect: aspect)
    }
}

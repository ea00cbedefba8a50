/// One thing wrong (or worth knowing) about the estate, produced by one rule.
public struct Finding: Sendable, Hashable, Comparable {
    public var certificateID: String?
    public var resourceID: String?
    /// Plain language, for people: what is wrong and what it means.
    public var message: String {
        get { spooledMessage.text }
        set { spooledMessage = SpooledText(newValue, group: Self.messageGroup(ruleID, severity)) }
    }
    /// In the process's text spool: at a million certificates the findings' messages took some
    /// 300 MB of the heap while every report was written, and each is read a few times.
    private var spooledMessage: SpooledText
    /// The package and the aspect, which about one finding in thirty has (at 100,000 certificates),
    /// out of line: inline they took 32 of a finding's 112 bytes, for millions of findings.
    private var rare: OutOfLine<RareFindingFields>?
    // The narrow fields last, in 8 bytes: the date's 4, the severity's byte and the rule's 2 — a
    // finding in 56 bytes, not 64 (2.4 million findings at a million certificates).
    private var packedDate = PackedLocalDate(nil)
    public var severity: Severity
    /// A rule ID from spec/RULES.md or a documented addition (see `certaudit rules`).
    public var ruleID: RuleID

    public var packageID: String? {
        get { rare?.value.packageID }
        set { change { $0.packageID = newValue } }
    }

    /// What tells this finding apart from another of the same rule about the same certificate,
    /// resource and package (`no-san`, `domain`, a contact and channel, an input column): part of its
    /// `key`, so it names a thing that stays put from run to run, never a message or a moving date.
    public var aspect: String? {
        get { rare?.value.aspect }
        set { change { $0.aspect = newValue } }
    }

    /// The local date the finding is about (an expiry, an outage), when it is about one.
    public var date: LocalDate? {
        get { packedDate.value }
        set { packedDate.value = newValue }
    }

    public init(
        ruleID: RuleID, severity: Severity, certificateID: String? = nil, resourceID: String? = nil,
        packageID: String? = nil, date: LocalDate? = nil, message: String, aspect: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.certificateID = certificateID
        self.resourceID = resourceID
        spooledMessage = SpooledText(message, group: Self.messageGroup(ruleID, severity))
        packedDate.value = date
        if packageID != nil || aspect != nil {
            rare = OutOfLine(RareFindingFields(packageID: packageID, aspect: aspect))
        }
    }

    /// Where a message is spooled: beside the messages of the same rule and severity, because the
    /// reports read them in that order (`TextSpool.append(_:group:)`) and the rules make them
    /// certificate by certificate. A severity override moves a rule's findings together.
    private static func messageGroup(_ ruleID: RuleID, _ severity: Severity) -> Int {
        ruleID.spoolGroup * Severity.allCases.count + severity.rank
    }

    private mutating func change(_ body: (inout RareFindingFields) -> Void) {
        rare = OutOfLine.changing(rare, empty: RareFindingFields(), body)
    }

    /// Report order: most severe first, then rule, certificate, resource, package, date, message.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        withUnsafePointer(to: lhs) { left in withUnsafePointer(to: rhs) { right in precedes(left, right) } }
    }

    /// `<` on two findings where they lie: each field is read in place, and only the fields that
    /// decide are read (sorting millions of findings by value copied both, strings and all, for
    /// every comparison).
    public static func precedes(_ lhs: UnsafePointer<Finding>, _ rhs: UnsafePointer<Finding>) -> Bool {
        if lhs.pointee.severity != rhs.pointee.severity { return lhs.pointee.severity > rhs.pointee.severity }
        if lhs.pointee.ruleID != rhs.pointee.ruleID { return lhs.pointee.ruleID < rhs.pointee.ruleID }
        if lhs.pointee.certificateID != rhs.pointee.certificateID {
            return (lhs.pointee.certificateID ?? "") < (rhs.pointee.certificateID ?? "")
        }
        if lhs.pointee.resourceID != rhs.pointee.resourceID {
            return (lhs.pointee.resourceID ?? "") < (rhs.pointee.resourceID ?? "")
        }
        if lhs.pointee.packageID != rhs.pointee.packageID {
            return (lhs.pointee.packageID ?? "") < (rhs.pointee.packageID ?? "")
        }
        if lhs.pointee.date != rhs.pointee.date {
            return (lhs.pointee.date?.daysSinceEpoch ?? Int64.min) < (rhs.pointee.date?.daysSinceEpoch ?? Int64.min)
        }
        let (left, right) = (lhs.pointee.message, rhs.pointee.message)
        if left != right { return left < right }
        return (lhs.pointee.aspect ?? "") < (rhs.pointee.aspect ?? "")
    }

    /// Whether `findings` are already in report order (`<`): one pass, where sorting them again
    /// costs a sort of millions of findings at a million certificates.
    public static func areInReportOrder(_ findings: [Finding]) -> Bool {
        findings.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return true }
            return !(1..<buffer.count).contains { precedes(base + $0, base + $0 - 1) }
        }
    }

    /// Sorts `findings` into report order (`<`; equal findings keep their input order, as `sort()`
    /// keeps them) on their positions, then rearranges them in place: `sort()` would keep a scratch
    /// copy of half of them, about 145 MB at a million certificates, at the checks' peak. On
    /// `workers` threads (`stableOrder`).
    public static func putInReportOrder(_ findings: inout [Finding], workers: Int = 1) {
        findings.rearrange(by: findings.stableOrder(workers: workers, by: precedes))
    }

    /// The finding's stable identity from run to run (see `FindingKey`).
    public var key: FindingKey {
        FindingKey(
            rule: ruleID.rawValue, certificate: certificateID, resource: resourceID, package: packageID, aspect: aspect)
    }
}

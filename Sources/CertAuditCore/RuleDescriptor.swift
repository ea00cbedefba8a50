/// A rule's metadata: what the catalogue lists, what reports link to, what tests iterate over.
public struct RuleDescriptor: Sendable, Hashable {
    /// How far this rule is implemented.
    public enum Status: String, Sendable, Hashable {
        /// Checked by the static audit.
        case implemented
        /// Checked by the simulation (a later stage).
        case simulation
        /// Listed for completeness; the reason says why it is not checked.
        case notApplicable = "not-applicable"
        /// Planned, not yet checked.
        case planned
    }

    /// Stable ID from spec/RULES.md (or a documented addition).
    public var id: RuleID
    public var title: String
    public var defaultSeverity: Severity
    /// Where the rule comes from: the console guide's chapters, Baseline Requirements sections,
    /// RFC 5280 sections, or certaudit's own rule reference for an audit rule. Never empty.
    public var citations: [Citation]
    /// One paragraph for people.
    public var summary: String
    /// The rule applies to certificates issued (notBefore) on or after this date; nil = always.
    public var effectiveFrom: LocalDate?
    /// The rule no longer applies to certificates issued on or after this date; nil = never retired.
    public var effectiveUntil: LocalDate?
    public var status: Status
    /// Why the rule is not checked, for `planned` and `not-applicable`.
    public var statusNote: String?
    /// The most severe finding the rule can raise (CERT-EXPIRING is medium, high within 7 days):
    /// what a bad value that keeps the rule from checking puts at risk (INV-BAD-VALUE).
    public var highestSeverity: Severity

    public init(
        id: RuleID, title: String, defaultSeverity: Severity, citations: [Citation], summary: String,
        effectiveFrom: LocalDate? = nil, effectiveUntil: LocalDate? = nil, status: Status = .implemented,
        statusNote: String? = nil, highestSeverity: Severity? = nil
    ) {
        self.id = id
        self.title = title
        self.defaultSeverity = defaultSeverity
        self.citations = citations
        self.summary = summary
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.status = status
        self.statusNote = statusNote
        self.highestSeverity = max(highestSeverity ?? defaultSeverity, defaultSeverity)
    }

    /// The citations in one line, as reports and `certaudit rules` print them.
    public var citation: String {
        citations.map(\.text).joined(separator: "; ")
    }
}

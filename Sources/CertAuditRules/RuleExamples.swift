import CertAuditCore

/// A rule's passing examples (it must stay quiet) and failing examples (it must fire).
public struct RuleExamples: Sendable {
    public let passing: [RuleExample]
    public let failing: [RuleExample]

    public init(passing: [RuleExample], failing: [RuleExample]) {
        self.passing = passing
        self.failing = failing
    }
}

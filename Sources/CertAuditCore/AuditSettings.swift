/// The settings of one run, read once at the command line and passed down: nothing below reads the
/// clock or the environment.
public struct AuditSettings: Sendable, Hashable {
    public var asOf: Instant
    public var timeZone: RunTimeZone
    public var horizonDays: Int
    /// Exit 1 when a finding is at or above this severity; nil means never (`--fail-on none`).
    public var failOn: Severity?
    /// Exit 1 when a finding new since the last run (the baseline) is at or above this severity;
    /// nil means never. Accepted findings count for neither.
    public var failOnNew: Severity?
    /// CERT-EXPIRING thresholds in natural days, largest first.
    public var expiryThresholdsDays: [Int]
    /// Which end of REV-DURATION's ranges review times assume (worst case unless told otherwise).
    public var reviewEstimate: ReviewEstimate
    /// How long simulated successors are valid (AR-SUCCESSOR-VALIDITY).
    public var successorValidity: SuccessorValidityPolicy
    /// Rule ID → severity, replacing the rule's default severity in every finding it makes.
    public var severityOverrides: [RuleID: Severity]

    public init(
        asOf: Instant, timeZone: RunTimeZone = .shanghai, horizonDays: Int = 365, failOn: Severity? = nil,
        expiryThresholdsDays: [Int] = [30], reviewEstimate: ReviewEstimate = .worst,
        severityOverrides: [RuleID: Severity] = [:], successorValidity: SuccessorValidityPolicy = .cabf,
        failOnNew: Severity? = nil
    ) {
        self.failOnNew = failOnNew
        self.successorValidity = successorValidity
        self.reviewEstimate = reviewEstimate
        self.severityOverrides = severityOverrides
        self.asOf = asOf
        self.timeZone = timeZone
        self.horizonDays = horizonDays
        self.failOn = failOn
        self.expiryThresholdsDays = expiryThresholdsDays.sorted(by: >)
    }

    /// The widest CERT-EXPIRING threshold (the renewal window), in natural days: "expiring soon" for
    /// every rule that asks.
    public var renewalWindowDays: Int64 { Int64(expiryThresholdsDays.first ?? 30) }

    /// The local date of the as-of time.
    public var asOfDate: LocalDate { timeZone.localDate(of: asOf) }

    /// Natural days from the as-of date to the local date of `expiry` (RULES.md §0): 0 on the expiry
    /// date itself, negative once past it. Every rule and report counts days to expiry this way.
    public func daysToExpiry(_ expiry: Instant) -> Int64 { timeZone.naturalDays(from: asOf, to: expiry) }
}

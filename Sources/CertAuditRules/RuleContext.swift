import CertAuditCore

/// What a rule may look at: the estate, the run's settings, and the instant it judges at. Rules
/// read nothing else — no clock, no files.
public struct RuleContext: Sendable {
    public let estate: Estate
    public let settings: AuditSettings
    /// The instant "expired", "not yet valid" and "days left" refer to: the run's as-of time for the
    /// audit, a request's time when an operation is judged by rerunning rules (`OperationScenario`).
    /// Rules read this, never `settings.asOf`, so that one setting never has to mean two times.
    public let evaluatedAt: Instant

    /// A context judging at `evaluatedAt`, the as-of time of `settings` unless given.
    public init(estate: Estate, settings: AuditSettings, evaluatedAt: Instant? = nil) {
        self.estate = estate
        self.settings = settings
        self.evaluatedAt = evaluatedAt ?? settings.asOf
    }

    /// The local date of an instant in the run's time zone.
    public func localDate(_ instant: Instant) -> LocalDate { settings.timeZone.localDate(of: instant) }

    /// Natural days from the evaluation date to `instant`'s local date (RULES.md §0).
    public func daysUntil(_ instant: Instant) -> Int64 { settings.timeZone.naturalDays(from: evaluatedAt, to: instant) }
}

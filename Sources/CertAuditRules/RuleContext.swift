import CertAuditCore

/// What a rule may look at: the estate and the run's settings (the as-of time among them). Rules
/// read nothing else — no clock, no files.
public struct RuleContext: Sendable {
    public let estate: Estate
    public let settings: AuditSettings

    public init(estate: Estate, settings: AuditSettings) {
        self.estate = estate
        self.settings = settings
    }

    /// The local date of an instant in the run's time zone.
    public func localDate(_ instant: Instant) -> LocalDate { settings.timeZone.localDate(of: instant) }

    /// Natural days from the as-of date to `instant`'s local date (RULES.md §0).
    public func daysUntil(_ instant: Instant) -> Int64 { settings.daysToExpiry(instant) }
}

import CertAuditCore

/// What the simulation of the horizon gives the report: the timeline, the findings it dates, and
/// every resource outage (under way or predicted) for the outage calendar.
public struct Simulation: Sendable {
    /// In timeline order (docs/simulation.md), alerts held compact.
    public var events: Timeline
    public var findings: [Finding]
    /// By date, then resource.
    public var outages: [Outage]
    /// Each account's first shortfall of money or points within the window (`shortfall-date`).
    public var shortfallDates: [String: LocalDate]
    /// Points each package loses at its expiry within the window (its `forfeit`).
    public var forfeits: [String: Points]
    /// Each account's money and points over the window: its figures at the as-of date, then after
    /// each day's last change (a charge, a draw, a lapse, a forfeit), in date order (finance.html's charts).
    public var accountHistory: [String: [AccountFigures]]

    /// `outages` is sorted in place: a caller that hands over its last reference (`consume`) has
    /// it sorted without a copy.
    public init(
        events: Timeline = Timeline(), findings: [Finding] = [], outages: consuming [Outage] = [],
        shortfallDates: [String: LocalDate] = [:], forfeits: [String: Points] = [:],
        accountHistory: [String: [AccountFigures]] = [:]
    ) {
        self.accountHistory = accountHistory
        self.events = events
        self.findings = findings
        outages.sort()
        self.outages = outages
        self.shortfallDates = shortfallDates
        self.forfeits = forfeits
    }
}

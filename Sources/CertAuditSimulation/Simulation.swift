import CertAuditCore

/// What the simulation of the horizon gives the report: the timeline, the findings it dates, and
/// every resource outage (under way or predicted) for the outage calendar.
public struct Simulation: Sendable {
    /// In timeline order (docs/simulation.md).
    public var events: [TimelineEvent]
    public var findings: [Finding]
    /// By date, then resource.
    public var outages: [Outage]

    public init(events: [TimelineEvent] = [], findings: [Finding] = [], outages: [Outage] = []) {
        self.events = events.sorted()
        self.findings = findings
        self.outages = outages.sorted()
    }
}

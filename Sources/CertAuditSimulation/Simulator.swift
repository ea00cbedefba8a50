import CertAuditCore

/// The discrete-event simulation of the estate from the as-of date to the horizon (RULES.md §0,
/// docs/simulation.md): a pure function of the estate and the settings — no clock, no randomness,
/// no I/O — whose cost grows with the number of events, not with days × certificates.
public enum Simulator {
    /// `alerts: false` leaves the alert policies out (a cost forecast needs none of them).
    /// `keeping`, when given, is the only kinds of event the timeline keeps: the rest are simulated
    /// all the same but dropped as they are emitted (the cost forecast counts two kinds out of some
    /// twenty, and holding the rest would double the run's memory).
    /// `explaining: false` keeps no findings, outages or causes: the same future is simulated, but
    /// only its events are kept (what a cost forecast counts).
    /// `progress` is told the days simulated so far, as the agenda reaches them.
    public static func run(
        _ estate: Estate, settings: AuditSettings, alerts: Bool = true, keeping: Set<TimelineEventKind>? = nil,
        explaining: Bool = true, progress: @escaping StageProgress.Report = StageProgress.ignore
    ) -> Simulation {
        let events: [TimelineEvent]
        /// What the alerts read of the run: each chain's in-force expiry, by place, and the window.
        let alertInputs: (expiries: [PackedLocalDate], first: LocalDate, last: LocalDate)?
        let outages: [Outage]
        let findings: [Finding]
        let shortfallDates: [String: LocalDate]
        let forfeits: [String: Points]
        let accountHistory: [String: [AccountFigures]]
        // The run in a scope of its own: what it made is taken out, and the run itself (its chains,
        // agenda and resources, about as large as its output) is let go before the timeline puts
        // the events in order, which makes a second, trimmed array of them. Held through that, the
        // run made the simulation's peak: a million certificates' RSS there 2,214 → 2,145 MiB.
        do {
            var run = SimulationRun(estate: estate, settings: settings)
            run.keptKinds = keeping
            run.explains = explaining
            run.progress = ProgressCounter(.simulation, total: settings.horizonDays, unit: "days", report: progress)
            run.start()
            run.proceed()
            let keepsAlerts = alerts && (keeping?.contains(.alert) ?? true)
            alertInputs = keepsAlerts ? (run.chains.inForceExpiries(asOf: run.first), run.first, run.last) : nil
            events = run.events
            outages = run.outages
            findings = run.findings
            shortfallDates = run.shortfallDates
            forfeits = run.forfeits
            accountHistory = run.accountHistory
        }
        // The run is gone: its memory holds the alerts (`SimulationRun.alertSeries`), and these are the
        // only references, which the timeline orders in place.
        let series =
            alertInputs.map {
                SimulationRun.alertSeries(of: estate, expiries: $0.expiries, from: $0.first, through: $0.last)
            } ?? []
        return Simulation(
            events: Timeline(events: consume events, alerts: consume series), findings: findings,
            outages: (consume outages).trimmed(), shortfallDates: shortfallDates, forfeits: forfeits,
            accountHistory: accountHistory)
    }
}

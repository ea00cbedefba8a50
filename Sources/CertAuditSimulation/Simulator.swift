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
        var run = SimulationRun(estate: estate, settings: settings)
        run.keptKinds = keeping
        run.explains = explaining
        run.progress = ProgressCounter(.simulation, total: settings.horizonDays, unit: "days", report: progress)
        run.start()
        run.proceed()
        if alerts { run.alert() }
        // Taken out of the run, so the timeline orders the only references in place.
        let events = run.events
        let alerts = run.alertSeries
        let outages = run.outages
        run.events = []
        run.alertSeries = []
        run.outages = []
        return Simulation(
            events: Timeline(events: consume events, alerts: consume alerts),
            findings: run.findings, outages: (consume outages).trimmed(), shortfallDates: run.shortfallDates,
            forfeits: run.forfeits, accountHistory: run.accountHistory)
    }
}

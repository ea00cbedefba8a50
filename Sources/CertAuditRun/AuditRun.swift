import CertAuditCore
import CertAuditIngest
import CertAuditLedger
import CertAuditReport
import CertAuditRules
import CertAuditSimulation

/// One audit, end to end: ingest → estate → simulation, ledger audit, checks and operation verdicts → report model → renderers → published output.
/// Each stage is a pure step that hands a value to the next; only ingest reads and only the report
/// writer writes.
public enum AuditRun {
    /// Each stage tells `progress` how far it has got (the executable shows it on a terminal; tests
    /// ignore it). The run's duration, for metrics.prom, is measured here on the monotonic clock —
    /// the only reading of a clock below the executable, and the only value in the outputs that
    /// differs between two runs on the same inputs.
    public static func execute(_ options: RunOptions, progress: @escaping StageProgress.Report = StageProgress.ignore)
        throws(RunError) -> RunSummary
    {
        let clock = ContinuousClock()
        let started = clock.now
        let (model, summary) = try audit(options, progress: progress)
        let files = ProgressCounter(.writing, total: ReportWriter.fileNames.count, unit: "files", report: progress)
        do {
            try ReportWriter(templatesDirectory: options.templatesDirectory).write(
                model, to: options.outputDirectory, runDuration: { clock.now - started },
                wrote: { _ in files.advance() })
        } catch {
            throw error.kind == .templates ? .input(error.description) : .internal(error.message)
        }
        return summary
    }

    /// Ingest, checks and verdicts, down to the report model. The estate, the findings and the
    /// verdicts live only in here: once the model holds what the reports show, they are freed before
    /// the renderers run, which is when memory peaks.
    static func audit(_ options: RunOptions, progress: @escaping StageProgress.Report) throws(RunError) -> (
        ReportModel, RunSummary
    ) {
        let estate: Estate
        do {
            estate = try EstateLoader.load(
                IngestOptions(
                    inputsDirectory: options.inputsDirectory, encoding: options.encoding,
                    timeZone: options.settings.timeZone, asOf: options.settings.asOf, jobs: options.jobs,
                    useSystemTrustStore: options.useSystemTrustStore, extraInputs: options.settingsInputs,
                    progress: progress))
        } catch {
            throw .input(error.message)
        }
        let simulation = Simulator.run(estate, settings: options.settings, progress: progress)
        let context = RuleContext(estate: estate, settings: options.settings)
        let ledgerFindings = LedgerAudit.findings(estate: estate, settings: options.settings)
        let findings = RuleRunner(jobs: options.jobs).run(
            context, adding: simulation.findings + ledgerFindings, progress: progress)
        let operations = OperationJudge().judge(context)
        let summary = RunSummary(
            certificates: estate.certificates.count, quarantined: estate.quarantine.count, findings: findings,
            failOn: options.settings.failOn, outputDirectory: options.outputDirectory, operations: operations)
        let entitlements = ReportModel.entitlements(
            estate.lifecycle, shortfallDates: simulation.shortfallDates, forfeits: simulation.forfeits,
            zone: options.settings.timeZone)
        let model = ReportModel(
            estate: estate, findings: findings, settings: options.settings, rules: RuleCatalogue.descriptors,
            runSettings: options.manifestSettings, timeline: simulation.events, outages: simulation.outages,
            accounts: entitlements.accounts, packages: entitlements.packages,
            forecast: RenewalForecast.make(estate, settings: options.settings),
            accountHistory: simulation.accountHistory, operations: operations)
        return (model, summary)
    }
}

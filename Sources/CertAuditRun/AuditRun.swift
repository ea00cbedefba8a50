import CertAuditCore
import CertAuditIngest
import CertAuditLedger
import CertAuditReport
import CertAuditRules
import CertAuditSimulation
import CertAuditX509
import Foundation

/// One audit, end to end: ingest → estate → simulation, ledger audit, checks and operation verdicts → report model → renderers → published output.
/// Each stage is a pure step that hands a value to the next; only ingest reads (and, before anything
/// is published, `baseline` reads the previous report, an input like the others) and only the report
/// writer writes.
public enum AuditRun {
    /// Each stage tells `progress` how far it has got (the executable shows it on a terminal; tests
    /// ignore it). The run's duration, for metrics.prom, is measured here on the monotonic clock —
    /// the only reading of a clock below the executable, and the only value in the outputs that
    /// differs between two runs on the same inputs.
    ///
    /// `endsProcess`: the caller exits right after the run (the executable does). The report model —
    /// the estate, its findings and the timeline, millions of objects — is then left to the process's
    /// end to reclaim, as clang's `-disable-free` leaves its syntax trees: freed one object at a time
    /// it took 0.2 s of one core at 100,000 certificates (`perf`), after the reports were published.
    public static func execute(
        _ options: RunOptions, progress: @escaping StageProgress.Report = StageProgress.ignore,
        endsProcess: Bool = false
    ) throws(RunError) -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let writer = ReportWriter(
            templates: options.templatesDirectory.map(ReportTemplates.directory) ?? .builtIn,
            schema: options.schemaFile.map(ReportSchema.file) ?? .builtIn,
            digest: { SHA256Stream() }, jobs: options.jobs)
        // The report is staged as soon as the estate is read, the files of the estate alone
        // (inventory.csv, metrics.prom's gauges) written beside the simulations (`ReportWriter.begin`).
        var writing: ReportWriting?
        let (model, summary): (ReportModel, RunSummary)
        do {
            (model, summary) = try audit(options, progress: progress) { (estate) throws(RunError) in
                let settings = options.settings
                writing = try reported { () throws(ReportError) in
                    try writer.begin(options.outputDirectory) { ReportCertificates(estate: estate, settings: settings) }
                }
            }
        } catch {
            writing?.discard()
            throw error
        }
        let files = ProgressCounter(.writing, total: ReportWriter.files.count, unit: "files", report: progress)
        try reported { () throws(ReportError) in
            let staged: ReportWriting
            if let writing { staged = writing } else { staged = try writer.begin(options.outputDirectory) }
            try staged.finish(model, runDuration: { clock.now - started }, wrote: { _ in files.advance() })
        }
        if endsProcess { abandon(model) }
        return summary
    }

    /// The report writer's error as the run's: a user's templates at fault are an input error.
    private static func reported<Value>(_ body: () throws(ReportError) -> Value) throws(RunError) -> Value {
        do {
            return try body()
        } catch {
            throw error.kind == .templates ? .input(error.description) : .internal(error.message)
        }
    }

    /// Moves `value` into memory that is never freed (see `execute`'s `endsProcess`).
    private static func abandon<Value>(_ value: consuming Value) {
        UnsafeMutablePointer<Value>.allocate(capacity: 1).initialize(to: value)
    }

    /// OpenSSL's SHA-256 of a staged report file, for SHA256SUMS: many times faster than the report
    /// layer's own on a large estate's reports.
    @Sendable static func checksum(ofFile path: String) throws(ReportError) -> String {
        do {
            return try SHA256Digest.hex(fileAt: path)
        } catch {
            throw ReportError(.internal, "cannot checksum \(path): \(error.message)")
        }
    }

    /// Ingest, checks and verdicts, down to the report model. The model keeps the estate and the
    /// findings (its inventory and findings rows are made from them as the renderers read them, not
    /// copied into strings); what else is made here is freed before the renderers run.
    ///
    /// `package`: the estate fuzz target (Fuzz/EstateFuzzer) runs exactly this composition, so that
    /// a change to how a run is put together is fuzzed the day it is made.
    ///
    /// `estateRead` is handed the estate as soon as it is read, before the simulations (`execute`
    /// starts the estate's report files with it).
    package static func audit(
        _ options: RunOptions, progress: @escaping StageProgress.Report,
        estateRead: (Estate) throws(RunError) -> Void = { _ in }
    ) throws(RunError) -> (ReportModel, RunSummary) {
        spillText(beside: options.outputDirectory)
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
        try estateRead(estate)
        // A plain folder of certificate files has no inventory: only the rules that look at the files
        // alone apply, the simulation's and the ledger's findings (which read the inventory) do not.
        let rules = RuleCatalogue.rules(for: estate.origin)
        let fromInventory = estate.origin == .inventory
        // The cost forecast's own two simulations first, one after the other, beside the reading of
        // the previous report; then the run's simulation. A simulation holds about a kilobyte a
        // certificate while it runs, so none runs beside another: side by side they set the run's
        // peak at a million certificates, to save about a second at 100,000. The forecast goes
        // first because after the main simulation its working state sat on top of that one's
        // output (1,932 MiB at a million); now only the estate is under it (1,496).
        let settings = options.settings
        let (forecast, previous) = concurrently(
            workers: options.jobs, { RenewalForecast.make(estate, settings: settings, progress: progress) },
            { baseline(options) })
        var simulation = Simulator.run(estate, settings: settings, progress: progress)
        let context = RuleContext(estate: estate, settings: options.settings)
        let ledgerFindings = fromInventory ? LedgerAudit.findings(estate: estate, settings: options.settings) : []
        // The simulation's findings are handed to the rule runner, not copied beside the simulation's
        // own (at a million certificates, over half a million findings held twice during the checks).
        var added = fromInventory ? simulation.findings : []
        simulation.findings = []
        added += ledgerFindings
        let findings = FindingKey.distinct(
            RuleRunner(rules: rules, jobs: options.jobs).run(context, adding: consume added, progress: progress))
        let operations = OperationJudge().judge(context)
        let acceptance = AcceptanceReview(
            findings: findings, accepted: estate.lifecycle.accepted, on: options.settings.asOfDate)
        let entitlements = ReportModel.entitlements(
            estate.lifecycle, shortfallDates: simulation.shortfallDates, forfeits: simulation.forfeits,
            zone: options.settings.timeZone)
        var model = ReportModel(
            estate: estate, findings: findings, settings: options.settings,
            rules: fromInventory ? RuleCatalogue.descriptors : rules.map(\.descriptor),
            runSettings: options.manifestSettings, timeline: simulation.events, outages: simulation.outages,
            accounts: entitlements.accounts, packages: entitlements.packages,
            forecast: forecast,
            accountHistory: simulation.accountHistory, operations: operations, acceptance: acceptance)
        model.compare(with: previous)
        let changes = model.changes
        let summary = RunSummary(
            certificates: estate.certificates.count, quarantined: estate.quarantine.count, findings: findings,
            failOn: options.settings.failOn, outputDirectory: options.outputDirectory, operations: operations,
            acceptance: acceptance, failOnNew: options.settings.failOnNew,
            newKeys: changes.compared ? Set(changes.findings.changed("new").map(\.key)) : nil,
            resolved: changes.count("resolved"))
        return (model, summary)
    }

    /// Sends the findings' messages to a file beside the output folder (`TextSpool`), making the
    /// folder's parent if need be (publishing would make it anyway). Where no file can be made there,
    /// the messages stay in memory: a run never fails for want of scratch space it can do without.
    @discardableResult
    static func spillText(beside outputDirectory: String, spool: TextSpool = .shared) -> Bool {
        let parent = ReportPublisher(outputDirectory: outputDirectory).parent
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return spool.spill(into: parent.path)
    }

    /// The previous report, read before the new one is published over it: `--baseline FILE`, else
    /// report.xml in the output folder. Whatever is wrong with it becomes a note, never an error.
    static func baseline(_ options: RunOptions) -> BaselineStatus {
        let path =
            options.baselinePath ?? (options.outputDirectory as NSString).appendingPathComponent(ReportWriter.xmlFile)
        // The default one is named without its folder, so that a report does not depend on where it is written.
        let name = options.baselinePath ?? "the previous report.xml"
        guard FileManager.default.fileExists(atPath: path) else {
            return options.baselinePath == nil
                ? .absent(note: ReportModel.noBaselineNote)
                : .unusable(note: "\(name) does not exist: nothing compared")
        }
        // Digested and read from the file a piece at a time: at 100,000 certificates it is 585 MB.
        let sha256: String
        do {
            sha256 = try checksum(ofFile: path)
        } catch {
            return .unusable(note: "\(name) cannot be read (\(error.message)): nothing compared")
        }
        return BaselineReader(schema: options.schemaFile.map(ReportSchema.file) ?? .builtIn).read(
            file: path, sha256: sha256, name: name, timeZone: options.settings.timeZone.identifier,
            asOfDate: options.settings.asOfDate.description)
    }
}

import ArgumentParser
import CertAuditCSV
import CertAuditCore
import CertAuditRun
import Foundation

/// `certaudit run`: the nightly job. Reads the inputs folder, checks the rules, writes the reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Audit the estate in the inputs folder and write the reports.")

    @Option(
        help: ArgumentHelp(
            "The inputs folder (certificates.csv, resources.csv, bundles/, trust/, certaudit.toml), or a plain "
                + "folder of certificate files (no certificates.csv) to try certaudit on."))
    var inputs = "inputs"

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The run settings file; its values give way to the options given here. "
                + "Default: certaudit.toml in the inputs folder, when present.", valueName: "file"))
    var config: String?

    @Option(help: "Where the reports are published (atomically).")
    var output = "output"

    // The settings below are optional so that an option given here can be told from one left to the
    // settings file or the built-in default (named in the help, as ArgumentParser would).

    @Option(
        name: .customLong("as-of"),
        help: "The audit time: 2026-11-28, '2026-11-28 07:59:59' (local) or ISO 8601 with offset. Default: now.")
    var asOf: String?

    @Option(help: "The time zone for local times and calendar days. (default: Asia/Shanghai)")
    var timezone: String?

    @Option(help: "The simulation horizon in days. (default: 365)")
    var horizon: Int?

    @Option(
        name: .customLong("fail-on"),
        help: "Exit 1 when a finding is at or above: none|info|low|medium|high|critical. (default: none)")
    var failOn: String?

    @Option(
        name: .customLong("fail-on-new"),
        help:
            "Exit 1 when a finding new since the last run is at or above: none|info|low|medium|high|critical. (default: none)"
    )
    var failOnNew: String?

    @Option(
        help: ArgumentHelp(
            "The previous report.xml to compare with (what is new, resolved, still open). "
                + "Default: report.xml in the output folder, when present.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("expiry-thresholds"),
        help: "CERT-EXPIRING thresholds in days before expiry, comma-separated, e.g. 30,14,7. (default: 30)")
    var expiryThresholds: String?

    @Option(help: "Review durations the checks assume (REV-DURATION): worst|typical. (default: worst)")
    var review: String?

    @Option(
        name: .customLong("successor-validity"),
        help:
            "Successor validity (AR-SUCCESSOR-VALIDITY): cabf (capped by BR-MAX-VALIDITY) or one-year. (default: cabf)")
    var successorValidity: String?

    @Option(
        help: ArgumentHelp(
            "A folder of report templates (report.html.mustache, partials/) to render with instead of the "
                + "built-in ones; `certaudit templates export` writes those out to start from.", valueName: "dir"))
    var templates: String?

    @Option(
        help: ArgumentHelp(
            "Validate report.xml against this XSD instead of the built-in report.xsd (a templates folder's "
                + "report.xsd is never used on its own).", valueName: "file"))
    var schema: String?

    @Option(help: "Encoding of the CSV inputs: auto|utf-8|gb18030. (default: auto)")
    var encoding: String?

    @Option(
        help:
            "Worker threads for parsing and checking (the output never depends on it). (default: \(ProcessorCount.active))"
    )
    var jobs: Int?

    @Flag(name: .customLong("no-system-trust"), help: "Trust only the anchors in inputs/trust/.")
    var noSystemTrust = false

    func validate() throws {
        _ = try commandLineLayer()
    }

    func run() throws {
        do {
            let file = try SettingsFile.locate(config: config, inputsDirectory: inputs)
            let layer = (file?.layer ?? SettingsLayer()).overlaid(by: try commandLineLayer())
            let options = try layer.runOptions(
                inputsDirectory: inputs, outputDirectory: output, templatesDirectory: templates, schemaFile: schema,
                useSystemTrustStore: !noSystemTrust, settingsFile: file, now: Self.now(), baselinePath: baseline)
            let progress = TerminalProgress.forStandardError()
            let summary: RunSummary
            do {
                defer { progress.finish() }
                let show = progress.report
                let report: StageProgress.Report = { stage in
                    if stage.stage == .writing { Allocator.holdFreedMemoryBriefly() }
                    show(stage)
                }
                summary = try AuditRun.execute(options, progress: report, endsProcess: true)
            }
            StandardError.write(summary.line)
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        } catch let error as RunError {
            StandardError.write("certaudit: \(error)")
            throw ExitCode(error.exitCode)
        }
    }

    /// The settings given on the command line, checked as the settings file's are; nil where an
    /// option was not given.
    func commandLineLayer() throws(ValidationError) -> SettingsLayer {
        func checked<Value>(_ option: String, _ result: Result<Value, FieldError>) throws(ValidationError) -> Value {
            switch result {
            case .success(let value): return value
            case .failure(let error): throw ValidationError("\(option): \(error.reason)")
            }
        }
        var layer = SettingsLayer()
        if let timezone { layer.timeZone = try checked("--timezone", SettingValues.timeZone(timezone)) }
        if let asOf { layer.asOf = try checked("--as-of", SettingValues.asOf(asOf)) }
        if let horizon { layer.horizonDays = try checked("--horizon", SettingValues.horizonDays(horizon)) }
        if let failOn { layer.failOn = .some(try checked("--fail-on", SettingValues.failOn(failOn))) }
        if let failOnNew { layer.failOnNew = .some(try checked("--fail-on-new", SettingValues.failOn(failOnNew))) }
        if let expiryThresholds {
            layer.expiryThresholdsDays = try checked(
                "--expiry-thresholds", SettingValues.expiryThresholds(list: expiryThresholds))
        }
        if let review { layer.reviewEstimate = try checked("--review", SettingValues.review(review)) }
        if let successorValidity {
            layer.successorValidity = try checked(
                "--successor-validity", SettingValues.successorValidity(successorValidity))
        }
        if let encoding { layer.encoding = try checked("--encoding", SettingValues.encoding(encoding)) }
        if let jobs { layer.jobs = try checked("--jobs", SettingValues.jobs(jobs)) }
        return layer
    }

    /// The clock is read here, once, and nowhere below.
    static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// `--as-of` for commands that take no settings file (`inspect`).
    static func parseAsOf(_ text: String, zone: RunTimeZone) throws -> Instant {
        switch TimeField.parse(text, timeZone: zone) {
        case .success(let instant): return instant
        case .failure(let reason): throw ValidationError("--as-of: \(reason)")
        }
    }
}

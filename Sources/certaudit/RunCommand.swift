import ArgumentParser
import CertAuditCSV
import CertAuditCore
import CertAuditRun
import Foundation

/// `certaudit run`: the nightly job. Reads the inputs folder, checks the rules, writes the reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Audit the estate in the inputs folder and write the reports.")

    @Option(help: "The inputs folder (certificates.csv, resources.csv, bundles/, trust/).")
    var inputs = "inputs"

    @Option(help: "Where the reports are published (atomically).")
    var output = "output"

    @Option(
        name: .customLong("as-of"),
        help: "The audit time: 2026-11-28, '2026-11-28 07:59:59' (local) or ISO 8601 with offset. Default: now.")
    var asOf: String?

    @Option(help: "The time zone for local times and calendar days.")
    var timezone = "Asia/Shanghai"

    @Option(help: "The simulation horizon in days.")
    var horizon = 365

    @Option(
        name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above: none|info|low|medium|high|critical.")
    var failOn = "none"

    @Option(help: "The folder of report templates (report.html.mustache, report.xsd, partials).")
    var templates = "templates"

    @Option(help: "Encoding of the CSV inputs: auto|utf-8|gb18030.")
    var encoding = "auto"

    @Option(help: "Worker threads for parsing and checking (the output never depends on it).")
    var jobs = ProcessorCount.active

    @Flag(name: .customLong("no-system-trust"), help: "Trust only the anchors in inputs/trust/.")
    var noSystemTrust = false

    func validate() throws {
        guard RunTimeZone(identifier: timezone) != nil else { throw ValidationError("unknown time zone '\(timezone)'") }
        guard failOn == "none" || Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be none, info, low, medium, high or critical, not '\(failOn)'")
        }
        guard TextEncodingChoice(rawValue: encoding) != nil else {
            throw ValidationError("--encoding must be auto, utf-8 or gb18030, not '\(encoding)'")
        }
        guard horizon >= 0 else { throw ValidationError("--horizon must not be negative") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let asOf { _ = try Self.parseAsOf(asOf, zone: RunTimeZone(identifier: timezone)!) }
    }

    func run() throws {
        let zone = RunTimeZone(identifier: timezone)!
        let asOfInstant = try asOf.map { try Self.parseAsOf($0, zone: zone) } ?? Self.now()
        let options = RunOptions(
            inputsDirectory: inputs, outputDirectory: output, templatesDirectory: templates,
            settings: AuditSettings(
                asOf: asOfInstant, timeZone: zone, horizonDays: horizon, failOn: Severity(rawValue: failOn)),
            encoding: TextEncodingChoice(rawValue: encoding)!, jobs: jobs, useSystemTrustStore: !noSystemTrust)
        let progress =
            isatty(STDERR_FILENO) == 1 ? { (message: String) in StandardError.write("… \(message)") } : { _ in }
        do {
            let summary = try AuditRun.execute(options, progress: progress)
            StandardError.write(summary.line)
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        } catch let error as RunError {
            StandardError.write("certaudit: \(error)")
            throw ExitCode(error.exitCode)
        }
    }

    /// The clock is read here, once, and nowhere below.
    static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    static func parseAsOf(_ text: String, zone: RunTimeZone) throws -> Instant {
        switch TimeField.parse(text, timeZone: zone) {
        case .success(let instant): return instant
        case .failure(let reason): throw ValidationError("--as-of: \(reason)")
        }
    }
}

import CertAuditCSV
import CertAuditCore

/// Run settings as one source states them — `certaudit.toml` or the command line — with nil for
/// "not said here", so that sources stack: built-in defaults < settings file < command-line options.
/// Every value in a layer has already passed `SettingValues`.
public struct SettingsLayer: Sendable, Equatable {
    public var timeZone: RunTimeZone?
    /// As written (`2026-11-28`, `2026-11-28 07:59:59`, ISO 8601 with an offset): a local time is
    /// read in the effective time zone, which is known only once the layers are stacked.
    public var asOf: String?
    public var horizonDays: Int?
    /// `.some(nil)` is `none` (never exit 1); nil leaves the choice to the layer below.
    public var failOn: Severity??
    /// As `failOn`, for findings new since the last run.
    public var failOnNew: Severity??
    public var expiryThresholdsDays: [Int]?
    public var reviewEstimate: ReviewEstimate?
    public var successorValidity: SuccessorValidityPolicy?
    /// Rule ID → severity; stacked rule by rule, the upper layer winning for the rules it names.
    public var severityOverrides: [RuleID: Severity]?
    public var encoding: TextEncodingChoice?
    public var jobs: Int?

    public init(
        timeZone: RunTimeZone? = nil, asOf: String? = nil, horizonDays: Int? = nil, failOn: Severity?? = nil,
        expiryThresholdsDays: [Int]? = nil, reviewEstimate: ReviewEstimate? = nil,
        severityOverrides: [RuleID: Severity]? = nil, encoding: TextEncodingChoice? = nil, jobs: Int? = nil,
        successorValidity: SuccessorValidityPolicy? = nil, failOnNew: Severity?? = nil
    ) {
        self.failOnNew = failOnNew
        self.successorValidity = successorValidity
        self.timeZone = timeZone
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.failOn = failOn
        self.expiryThresholdsDays = expiryThresholdsDays
        self.reviewEstimate = reviewEstimate
        self.severityOverrides = severityOverrides
        self.encoding = encoding
        self.jobs = jobs
    }

    /// This layer with `upper`'s values on top: whatever `upper` states wins.
    public func overlaid(by upper: SettingsLayer) -> SettingsLayer {
        var result = self
        if let timeZone = upper.timeZone { result.timeZone = timeZone }
        if let asOf = upper.asOf { result.asOf = asOf }
        if let horizonDays = upper.horizonDays { result.horizonDays = horizonDays }
        if let failOn = upper.failOn { result.failOn = failOn }
        if let failOnNew = upper.failOnNew { result.failOnNew = failOnNew }
        if let thresholds = upper.expiryThresholdsDays { result.expiryThresholdsDays = thresholds }
        if let reviewEstimate = upper.reviewEstimate { result.reviewEstimate = reviewEstimate }
        if let successorValidity = upper.successorValidity { result.successorValidity = successorValidity }
        if let overrides = upper.severityOverrides {
            result.severityOverrides = (severityOverrides ?? [:]).merging(overrides) { _, upper in upper }
        }
        if let encoding = upper.encoding { result.encoding = encoding }
        if let jobs = upper.jobs { result.jobs = jobs }
        return result
    }

    /// The options of a run: this layer over the built-in defaults (`Asia/Shanghai`, 365 days, fail on
    /// none (and on none new), threshold 30, worst-case reviews, no overrides, `auto`, every core). `now` is the as-of
    /// time when no layer gives one: the command line reads the clock, nothing below it does.
    public func runOptions(
        inputsDirectory: String, outputDirectory: String, templatesDirectory: String?, schemaFile: String? = nil,
        useSystemTrustStore: Bool, settingsFile: SettingsFile?, now: Instant, baselinePath: String? = nil
    ) throws(RunError) -> RunOptions {
        let defaults = AuditSettings(asOf: now)
        let zone = timeZone ?? defaults.timeZone
        var asOfInstant = now
        if let asOf {
            switch TimeField.parse(asOf, timeZone: zone) {
            case .success(let instant): asOfInstant = instant
            case .failure(let error): throw .input("as-of: \(error.reason)")
            }
        }
        let settings = AuditSettings(
            asOf: asOfInstant, timeZone: zone, horizonDays: horizonDays ?? defaults.horizonDays,
            failOn: failOn ?? defaults.failOn,
            expiryThresholdsDays: expiryThresholdsDays ?? defaults.expiryThresholdsDays,
            reviewEstimate: reviewEstimate ?? defaults.reviewEstimate,
            severityOverrides: severityOverrides ?? defaults.severityOverrides,
            successorValidity: successorValidity ?? defaults.successorValidity,
            failOnNew: failOnNew ?? defaults.failOnNew)
        return RunOptions(
            inputsDirectory: inputsDirectory, outputDirectory: outputDirectory, templatesDirectory: templatesDirectory,
            schemaFile: schemaFile, settings: settings, encoding: encoding ?? .auto,
            jobs: jobs ?? ProcessorCount.active,
            useSystemTrustStore: useSystemTrustStore, settingsFile: settingsFile, baselinePath: baselinePath)
    }
}

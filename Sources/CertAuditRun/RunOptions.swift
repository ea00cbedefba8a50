import CertAuditCSV
import CertAuditCore

/// Everything one `certaudit run` needs, resolved from the command line and the settings file
/// (`SettingsLayer.runOptions`) before the pipeline starts.
public struct RunOptions: Sendable {
    public var inputsDirectory: String
    public var outputDirectory: String
    /// The `--templates` folder; nil renders with the templates built into the binary.
    public var templatesDirectory: String?
    /// The `--schema` file report.xml is validated against; nil validates with the built-in schema,
    /// whatever the templates folder holds.
    public var schemaFile: String?
    public var settings: AuditSettings
    public var encoding: TextEncodingChoice
    public var jobs: Int
    public var useSystemTrustStore: Bool
    /// The settings file the run read, if any: the manifest names it and accounts for its bytes.
    public var settingsFile: SettingsFile?
    /// The previous report to compare with (`--baseline`); nil means report.xml in the output folder.
    public var baselinePath: String?

    public init(
        inputsDirectory: String = "inputs", outputDirectory: String = "output",
        templatesDirectory: String? = nil, schemaFile: String? = nil,
        settings: AuditSettings, encoding: TextEncodingChoice = .auto, jobs: Int = ProcessorCount.active,
        useSystemTrustStore: Bool = true, settingsFile: SettingsFile? = nil, baselinePath: String? = nil
    ) {
        self.baselinePath = baselinePath
        self.inputsDirectory = inputsDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.schemaFile = schemaFile
        self.settings = settings
        self.encoding = encoding
        self.jobs = jobs
        self.useSystemTrustStore = useSystemTrustStore
        self.settingsFile = settingsFile
    }

    /// The settings as the run manifest lists them. The thread count is left out on purpose: it
    /// never changes the result, and listing it would make reports differ between machines.
    public var manifestSettings: [(name: String, value: String)] {
        [
            ("inputs", inputsDirectory),
            ("as-of", settings.timeZone.iso8601(settings.asOf)),
            ("timezone", settings.timeZone.identifier),
            ("horizon-days", String(settings.horizonDays)),
            ("fail-on", settings.failOn?.rawValue ?? "none"),
            ("fail-on-new", settings.failOnNew?.rawValue ?? "none"),
            ("expiry-thresholds-days", settings.expiryThresholdsDays.map(String.init).joined(separator: ",")),
            ("review", settings.reviewEstimate.rawValue),
            ("successor-validity", settings.successorValidity.rawValue),
            ("severity-overrides", severityOverridesText),
            ("encoding", encoding.rawValue),
            ("system-trust-store", useSystemTrustStore ? "yes" : "no"),
            ("settings-file", settingsFile?.path ?? "none"),
        ]
    }

    /// `RULE=severity,…` sorted by rule ID, or `none`.
    var severityOverridesText: String {
        let overrides = settings.severityOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
        return overrides.isEmpty ? "none" : overrides.joined(separator: ",")
    }

    /// Files read before ingest (the settings file) that the manifest's input accounting lists too.
    public var settingsInputs: [InputSummary] {
        settingsFile.map { [$0.inputSummary] } ?? []
    }
}

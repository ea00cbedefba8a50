import CertAuditCSV
import CertAuditCore

/// What the ingest stage needs to know: where the inputs are and how to read them.
public struct IngestOptions: Sendable {
    /// The inputs folder (`certificates.csv`, `resources.csv`, `bundles/`, `trust/`).
    public var inputsDirectory: String
    public var encoding: TextEncodingChoice
    public var timeZone: RunTimeZone
    /// Chains are verified at this time.
    public var asOf: Instant
    /// Largest bundle, key or password file read, in bytes.
    public var bundleSizeLimit: Int
    /// Worker threads for bundle parsing; the result never depends on it.
    public var jobs: Int
    /// Whether the system trust store joins `inputs/trust/` (tests turn it off for reproducibility).
    public var useSystemTrustStore: Bool
    /// Inputs read before ingest (the settings file), listed in the accounting beside those read here
    /// so the manifest covers every file the run used.
    public var extraInputs: [InputSummary]
    /// Told how many certificate rows have had their bundles read (the slow part of ingest).
    public var progress: StageProgress.Report

    public init(
        inputsDirectory: String, encoding: TextEncodingChoice = .auto, timeZone: RunTimeZone = .shanghai,
        asOf: Instant, bundleSizeLimit: Int = 10 * 1024 * 1024, jobs: Int = ProcessorCount.active,
        useSystemTrustStore: Bool = true, extraInputs: [InputSummary] = [],
        progress: @escaping StageProgress.Report = StageProgress.ignore
    ) {
        self.inputsDirectory = inputsDirectory
        self.encoding = encoding
        self.timeZone = timeZone
        self.asOf = asOf
        self.bundleSizeLimit = bundleSizeLimit
        self.jobs = max(1, jobs)
        self.useSystemTrustStore = useSystemTrustStore
        self.extraInputs = extraInputs
        self.progress = progress
    }
}

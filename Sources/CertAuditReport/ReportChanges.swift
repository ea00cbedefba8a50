/// What changed since the last run (`<changes>`, `changes.csv`, the HTML's "since the last run").
public struct ReportChanges: Sendable, Hashable {
    /// A finding new, resolved or still open since the last run: the compared finding's fields (read
    /// through it: `change.key`, `change.rule`, …) and what happened to it. Its `firstSeen` is this
    /// run's as-of date for a new finding, carried from the baseline otherwise.
    @dynamicMemberLookup
    public struct Finding: Sendable, Hashable {
        /// `new`, `resolved` or `open`.
        public var change: String
        public var finding: Baseline.Finding

        public subscript<Value>(dynamicMember field: KeyPath<Baseline.Finding, Value>) -> Value {
            finding[keyPath: field]
        }
    }

    /// A certificate added, removed or renewed since the last run.
    public struct Certificate: Sendable, Hashable {
        /// `added`, `removed` or `renewed` (same names, a new fingerprint, the old one gone).
        public var change: String
        /// The certificate now (added, renewed) or then (removed).
        public var id: String
        public var fingerprint: String?
        /// For a renewal: the certificate it replaces (the same ID when renewed in place).
        public var previousID: String?
        public var previousFingerprint: String?
    }

    /// A requested operation whose verdict changed (same request time, certificate and kind).
    public struct Operation: Sendable, Hashable {
        public var requestedAt: String
        public var certificate: String
        public var kind: String
        public var verdict: String
        public var previousVerdict: String
    }

    /// `compared`, `no-baseline` (the first run) or `not-compared` (a baseline that cannot be used).
    public var status: String
    /// Why nothing was compared; nil when compared.
    public var note: String?
    /// The baseline's as-of time and SHA-256, when compared.
    public var baselineAsOf: String?
    public var baselineSHA256: String?
    /// New first, then resolved, then open; each by key.
    public var findings: ReportChangedFindings
    /// Added, removed, renewed; each by ID.
    public var certificates: [Certificate]
    /// By request time, certificate and kind.
    public var operations: [Operation]

    /// Nothing compared, and why.
    public static func notCompared(_ status: BaselineStatus) -> ReportChanges {
        switch status {
        case .absent(let note):
            ReportChanges(
                status: "no-baseline", note: note, findings: ReportChangedFindings(), certificates: [], operations: [])
        case .unusable(let note):
            ReportChanges(
                status: "not-compared", note: note, findings: ReportChangedFindings(), certificates: [], operations: [])
        case .usable:
            ReportChanges(status: "compared", findings: ReportChangedFindings(), certificates: [], operations: [])
        }
    }

    public var compared: Bool { status == "compared" }

    public func count(_ change: String) -> Int { findings.count(change) }
}

import CertAuditCore

/// What a finished run tells the nightly job: the counts behind its one summary line and the exit
/// code (0 clean; 1 findings at or above `--fail-on`, or new findings at or above `--fail-on-new`).
/// Accepted findings (accepted.csv, in force) count for neither; lapsed ones count again.
public struct RunSummary: Sendable, Hashable {
    public let certificates: Int
    public let quarantined: Int
    public let findingsBySeverity: [Severity: Int]
    public let failOn: Severity?
    public let failOnNew: Severity?
    public let outputDirectory: String
    /// Requested operations (`operations.csv`) and how many of them are denied.
    public let operations: Int
    public let deniedOperations: Int
    /// Findings accepted and in force: listed, but not counted for the exit code.
    public let accepted: Int
    /// The most severe finding that counts for `--fail-on` (not accepted), and the most severe new one.
    public let worstCounted: Severity?
    public let worstNew: Severity?
    /// New and resolved findings since the last run; nil when nothing was compared (no baseline).
    public let newFindings: Int?
    public let resolvedFindings: Int?

    /// `newKeys` are the keys of the findings new since the last run, nil when the run compared
    /// nothing; `resolved` how many of the baseline's findings are gone.
    public init(
        certificates: Int, quarantined: Int, findings: [Finding], failOn: Severity?, outputDirectory: String,
        operations: [OperationVerdict] = [], acceptance: AcceptanceReview = AcceptanceReview(),
        failOnNew: Severity? = nil, newKeys: Set<String>? = nil, resolved: Int = 0
    ) {
        self.operations = operations.count
        self.deniedOperations = operations.count { !$0.isAllowed }
        self.certificates = certificates
        self.quarantined = quarantined
        self.failOn = failOn
        self.failOnNew = failOnNew
        self.outputDirectory = outputDirectory
        // One pass, nothing copied: grouping or filtering the findings copied millions of them (each
        // a hundred-odd bytes) at a million certificates, only to count them.
        var bySeverity: [Severity: Int] = [:]
        var accepted = 0
        var worstCounted: Severity?
        var worstNew: Severity?
        for finding in findings {
            bySeverity[finding.severity, default: 0] += 1
            guard !acceptance.excuses(finding) else {
                accepted += 1
                continue
            }
            worstCounted = max(worstCounted ?? finding.severity, finding.severity)
            if let newKeys, newKeys.contains(finding.key.text) {
                worstNew = max(worstNew ?? finding.severity, finding.severity)
            }
        }
        self.findingsBySeverity = bySeverity
        self.accepted = accepted
        self.worstCounted = worstCounted
        self.worstNew = worstNew
        newFindings = newKeys?.count
        resolvedFindings = newKeys == nil ? nil : resolved
    }

    /// Findings at or above `--fail-on` that are not accepted.
    public var failsOnFindings: Bool {
        guard let failOn, let worstCounted else { return false }
        return worstCounted >= failOn
    }

    /// New findings at or above `--fail-on-new` that are not accepted. A run that compared nothing
    /// (the first one, or an unusable baseline) has no new findings.
    public var failsOnNewFindings: Bool {
        guard let failOnNew, let worstNew else { return false }
        return worstNew >= failOnNew
    }

    public var exitCode: Int32 { failsOnFindings || failsOnNewFindings ? 1 : 0 }

    /// `certaudit: 31 certificates, 6 rows quarantined, 40 findings (2 critical, …), 12 operations
    /// (5 denied), 3 accepted, 2 new and 1 resolved since the last run, report in output/`; the
    /// operations, accepted and since-the-last-run parts only when there is something to say.
    /// Denied operations never change the exit code: they are answers, not findings.
    public var line: String {
        let total = findingsBySeverity.values.reduce(0, +)
        let bySeverity = Severity.allCases.reversed().map { "\(findingsBySeverity[$0] ?? 0) \($0.rawValue)" }
        var verdicts: [String] = []
        if failsOnFindings { verdicts.append("findings at or above \(failOn?.rawValue ?? "")") }
        if failsOnNewFindings { verdicts.append("new findings at or above \(failOnNew?.rawValue ?? "")") }
        let since = newFindings.map { ", \($0) new and \(resolvedFindings ?? 0) resolved since the last run" } ?? ""
        return "certaudit: \(certificates) certificates, \(quarantined) rows quarantined, \(total) findings ("
            + bySeverity.joined(separator: ", ") + ")"
            + (operations == 0 ? "" : ", \(operations) operations (\(deniedOperations) denied)")
            + (accepted == 0 ? "" : ", \(accepted) accepted") + since
            + ", report in \(outputDirectory)/" + (verdicts.isEmpty ? "" : " — " + verdicts.joined(separator: "; "))
    }
}

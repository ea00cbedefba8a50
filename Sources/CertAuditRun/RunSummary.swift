import CertAuditCore

/// What a finished run tells the nightly job: the counts behind its one summary line and the exit
/// code (0 clean, 1 findings at or above `--fail-on`).
public struct RunSummary: Sendable, Hashable {
    public let certificates: Int
    public let quarantined: Int
    public let findingsBySeverity: [Severity: Int]
    public let failOn: Severity?
    public let outputDirectory: String
    /// Requested operations (`operations.csv`) and how many of them are denied.
    public let operations: Int
    public let deniedOperations: Int

    public init(
        certificates: Int, quarantined: Int, findings: [Finding], failOn: Severity?, outputDirectory: String,
        operations: [OperationVerdict] = []
    ) {
        self.operations = operations.count
        self.deniedOperations = operations.filter { !$0.isAllowed }.count
        self.certificates = certificates
        self.quarantined = quarantined
        self.findingsBySeverity = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        self.failOn = failOn
        self.outputDirectory = outputDirectory
    }

    public var exitCode: Int32 {
        guard let failOn else { return 0 }
        return findingsBySeverity.contains { $0.key >= failOn && $0.value > 0 } ? 1 : 0
    }

    /// `certaudit: 31 certificates, 6 rows quarantined, 40 findings (2 critical, …), 12 operations
    /// (5 denied), report in output/`; the operations part only when operations.csv asked for some.
    /// Denied operations never change the exit code: they are answers, not findings.
    public var line: String {
        let total = findingsBySeverity.values.reduce(0, +)
        let bySeverity = Severity.allCases.reversed().map { "\(findingsBySeverity[$0] ?? 0) \($0.rawValue)" }
        let verdict = exitCode == 0 ? "" : " — findings at or above \(failOn?.rawValue ?? "")"
        return "certaudit: \(certificates) certificates, \(quarantined) rows quarantined, \(total) findings ("
            + bySeverity.joined(separator: ", ") + ")"
            + (operations == 0 ? "" : ", \(operations) operations (\(deniedOperations) denied)")
            + ", report in \(outputDirectory)/\(verdict)"
    }
}

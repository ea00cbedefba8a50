import CertAuditCore
import Testing

@testable import CertAuditRun

struct RunSummaryTests {
    static func operation(line: Int, denied: Bool) -> OperationVerdict {
        OperationVerdict(
            operation: OperationRecord(
                line: line, requestedAt: Instant(secondsSinceEpoch: 0), certificateID: "c", kind: .revoke),
            reasons: denied ? [OperationReason(ruleID: .rvkIssuedHere, effect: .denies, message: "no")] : [])
    }

    @Test func theLineCountsOperationsOnlyWhenThereAreSome() {
        let findings = [Finding(ruleID: .certExpired, severity: .high, message: "m")]
        let none = RunSummary(certificates: 3, quarantined: 0, findings: findings, failOn: nil, outputDirectory: "out")
        #expect(!none.line.contains("operations"))
        let some = RunSummary(
            certificates: 3, quarantined: 0, findings: findings, failOn: nil, outputDirectory: "out",
            operations: [Self.operation(line: 2, denied: true), Self.operation(line: 3, denied: false)])
        #expect(some.line.hasSuffix("0 info), 2 operations (1 denied), report in out/"), "\(some.line)")
    }

    @Test func deniedOperationsNeverChangeTheExitCode() {
        let summary = RunSummary(
            certificates: 1, quarantined: 0, findings: [], failOn: .info, outputDirectory: "out",
            operations: [Self.operation(line: 2, denied: true)])
        #expect(summary.exitCode == 0)
    }
}

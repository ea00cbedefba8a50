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

    /// Issue 11: an accepted finding (in force) counts for neither --fail-on nor --fail-on-new; a
    /// lapsed one counts again.
    @Test func acceptedFindingsDoNotFailTheRunLapsedOnesDo() {
        let finding = Finding(ruleID: .cryptoWeakSig, severity: .high, certificateID: "c", message: "m")
        let day = LocalDate(year: 2026, month: 11, day: 28)!
        let risk = { (until: LocalDate) in
            AcceptedRisk(
                line: 2, ruleID: "CRYPTO-WEAK-SIG", certificateID: "c", reason: "r", acceptedBy: "a", until: until)
        }
        let summary = { (until: LocalDate) in
            RunSummary(
                certificates: 1, quarantined: 0, findings: [finding], failOn: .high, outputDirectory: "out",
                acceptance: AcceptanceReview(findings: [finding], accepted: [risk(until)], on: day), failOnNew: .high,
                newKeys: [finding.key.text])
        }
        #expect(summary(day).exitCode == 0)
        #expect(summary(day).line.contains(", 1 accepted, 1 new and 0 resolved since the last run,"))
        #expect(summary(day - 1).exitCode == 1)
        #expect(summary(day - 1).line.hasSuffix(" — findings at or above high; new findings at or above high"))
    }

    @Test func failOnNewLooksOnlyAtNewFindings() {
        let old = Finding(ruleID: .certExpired, severity: .critical, certificateID: "a", message: "m")
        let new = Finding(ruleID: .certExpiring, severity: .low, certificateID: "b", message: "m")
        let summary = { (failOnNew: Severity, newKeys: Set<String>?) in
            RunSummary(
                certificates: 2, quarantined: 0, findings: [old, new], failOn: nil, outputDirectory: "out",
                failOnNew: failOnNew, newKeys: newKeys)
        }
        #expect(summary(.low, [new.key.text]).exitCode == 1)
        #expect(summary(.medium, [new.key.text]).exitCode == 0)
        #expect(summary(.info, []).exitCode == 0)
        // Nothing compared (the first run): nothing is new.
        #expect(summary(.info, nil).exitCode == 0)
    }
}

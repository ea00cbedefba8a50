import CertAuditCore
import Testing

@testable import CertAuditReport

/// Issue 11: the comparison with the previous run, on plain values.
struct RunComparisonTests {
    static func finding(_ key: String, severity: String = "high") -> ReportFinding {
        ReportFinding(
            rule: String(key.prefix { $0 != ";" }), severity: severity, message: "m", key: key,
            firstSeen: "2026-11-28")
    }

    static func certificate(_ id: String, _ fingerprint: String?, _ names: [String]) -> ReportCertificate {
        ReportCertificate(
            id: id, source: "issued", type: "SVR", standard: "international", daysToExpiry: nil,
            fingerprint: fingerprint, sans: names.map { ReportSAN(type: "dns", value: $0) }, chainStatus: "complete",
            chainLength: 1, resources: [])
    }

    static func operation(_ at: String, _ certificate: String, _ verdict: String, line: Int = 2) -> ReportOperation {
        ReportOperation(requestedAt: at, line: line, certificate: certificate, kind: "revoke", verdict: verdict)
    }

    /// A finding of the baseline about one certificate, keyed `<rule>;c=<certificate>`.
    static func previous(_ rule: String, certificate: String, _ severity: String, firstSeen: String)
        -> Baseline.Finding
    {
        Baseline.Finding(
            key: "\(rule);c=\(certificate)", rule: rule, severity: severity, certificate: certificate,
            firstSeen: firstSeen)
    }

    @Test func findingsAreNewResolvedOrOpenWithTheFirstSeenDateCarried() {
        let baseline = [
            Self.previous("A", certificate: "1", "high", firstSeen: "2026-10-01"),
            Self.previous("B", certificate: "2", "low", firstSeen: "2026-11-01"),
        ]
        let changes = RunComparison.compare(
            baseline, [Self.finding("A;c=1"), Self.finding("C;c=3")], asOfDate: "2026-11-28")
        #expect(changes.map(\.change) == ["new", "resolved", "open"])
        #expect(changes.map(\.key) == ["C;c=3", "B;c=2", "A;c=1"])
        #expect(changes.map(\.firstSeen) == ["2026-11-28", "2026-11-01", "2026-10-01"])
        #expect(changes[1].severity == "low" && changes[1].certificate == "2")
    }

    /// A key the baseline holds twice counts once, with its first date first seen; findings now
    /// that share a key (before `#2` is added) are each open.
    @Test func aRepeatedKeyCountsOnceWithItsFirstDate() {
        let baseline = [
            Self.previous("A", certificate: "1", "high", firstSeen: "2026-09-01"),
            Self.previous("A", certificate: "1", "low", firstSeen: "2026-10-01"),
            Self.previous("B", certificate: "2", "low", firstSeen: "2026-11-01"),
            Self.previous("B", certificate: "2", "high", firstSeen: "2026-11-02"),
        ]
        let changes = RunComparison.compare(
            baseline, [Self.finding("A;c=1"), Self.finding("A;c=1")], asOfDate: "2026-11-28")
        #expect(changes.map(\.change) == ["resolved", "open", "open"])
        #expect(changes.map(\.firstSeen) == ["2026-11-01", "2026-09-01", "2026-09-01"])
        #expect(changes[0].severity == "low")
    }

    @Test func renewedMeansSameNamesNewFingerprintOldOneGone() {
        let then = [
            Baseline.Certificate(id: "old", fingerprint: "f1", names: ["dns:a.example.com", "dns:b.example.com"]),
            Baseline.Certificate(id: "gone", fingerprint: "f2", names: ["dns:c.example.com"]),
            Baseline.Certificate(id: "kept", fingerprint: "f3", names: ["dns:d.example.com"]),
            Baseline.Certificate(id: "inplace", fingerprint: "f4", names: ["dns:e.example.com"]),
            Baseline.Certificate(id: "twin", fingerprint: "f5", names: ["dns:f.example.com"]),
        ]
        let now = [
            Self.certificate("new", "g1", ["B.example.com", "a.example.com"]),
            Self.certificate("kept", "f3", ["d.example.com"]),
            Self.certificate("inplace", "g4", ["e.example.com"]),
            Self.certificate("twin", "f5", ["f.example.com"]),
            // Same names as twin, but twin's fingerprint is still here: a second certificate, not a renewal.
            Self.certificate("twin2", "g5", ["f.example.com"]),
            Self.certificate("order", nil, []),
        ]
        let changes = RunComparison.compare(then, now)
        #expect(changes.map(\.change) == ["added", "added", "removed", "renewed", "renewed"])
        #expect(changes.map(\.id) == ["order", "twin2", "gone", "inplace", "new"])
        #expect(changes[3].previousID == "inplace" && changes[3].previousFingerprint == "f4")
        #expect(changes[4].previousID == "old" && changes[4].fingerprint == "g1")
    }

    @Test func operationsAreListedWhenTheirVerdictChanged() {
        let then = [
            Baseline.Operation(requestedAt: "t1", certificate: "c", kind: "revoke", verdict: "allowed"),
            Baseline.Operation(requestedAt: "t2", certificate: "c", kind: "revoke", verdict: "denied"),
            Baseline.Operation(requestedAt: "t3", certificate: "c", kind: "revoke", verdict: "denied"),
        ]
        // Lines moved (a row was added above them): requests are matched by time, certificate, kind.
        let now = [
            Self.operation("t1", "c", "denied", line: 3), Self.operation("t2", "c", "denied", line: 4),
            Self.operation("t4", "c", "allowed", line: 5),
        ]
        let changes = RunComparison.compare(then, now)
        #expect(changes.map(\.requestedAt) == ["t1"])
        #expect(changes.first?.previousVerdict == "allowed" && changes.first?.verdict == "denied")
    }

    @Test func aModelComparedWithAnUnusableBaselineSaysWhyAndKeepsItsFindings() {
        var model = ReportFixtures.hostileModel()
        let before = model.findings
        model.compare(with: .unusable(note: "broken"))
        #expect(model.changes.status == "not-compared" && model.changes.note == "broken")
        #expect(Array(model.findings) == Array(before))
        #expect(model.findings.allSatisfy { $0.change == nil && $0.firstSeen == model.asOfDate })
        #expect(ReportFixtures.hostileModel().changes.status == "no-baseline")
    }
}

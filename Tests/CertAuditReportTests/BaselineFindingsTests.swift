import CertAuditCore
import Testing

@testable import CertAuditReport

/// Issue 10: the previous report's findings held as their keys read back as they were read, byte
/// for byte; only those whose key does not give their fields are held whole.
struct BaselineFindingsTests {
    static func finding(
        _ rule: String, certificate: String? = nil, resource: String? = nil, package: String? = nil,
        aspect: String? = nil, severity: String = "high", firstSeen: String = "2026-11-01"
    ) -> Baseline.Finding {
        Baseline.Finding(
            key: FindingKey(rule: rule, certificate: certificate, resource: resource, package: package, aspect: aspect)
                .text, rule: rule, severity: severity, certificate: certificate, resource: resource, package: package,
            firstSeen: firstSeen)
    }

    /// Every field of every finding, as bytes: `==` on strings would take `é` for `e\u{301}`.
    static func bytes(_ findings: some Sequence<Baseline.Finding>) -> [[[UInt8]?]] {
        findings.map { finding in
            [
                finding.key, finding.rule, finding.severity, finding.certificate, finding.resource, finding.package,
                finding.firstSeen,
            ].map { $0.map { Array($0.utf8) } }
        }
    }

    @Test func findingsReadBackAsTheyCameAndOnlyThoseTheirKeyDoesNotGiveAreHeldWhole() {
        var edited = Self.finding("A", certificate: "c1")
        edited.rule = "B"
        var otherCertificate = Self.finding("A", certificate: "c1")
        otherCertificate.certificate = "c2"
        var noResource = Self.finding("A", certificate: "c1", resource: "r1")
        noResource.resource = nil
        var equivalent = Self.finding("A", certificate: "caf\u{E9}")
        equivalent.certificate = "cafe\u{301}"
        var unparsable = Self.finding("A")
        unparsable.key = "A;z=1"
        let kept = [
            Self.finding("RES-EXPIRED-BINDING", certificate: "c1", resource: "lb-1", severity: "critical"),
            Self.finding("BR-SAN", certificate: "c;1%", aspect: "cn:x#2", firstSeen: "2026-10-01"),
            Self.finding("PTS-RECONCILE", package: "pkg\n1", severity: "low"),
            Self.finding("R", certificate: "", resource: "证书", package: "p", severity: "crit\u{E9}"),
            Self.finding("R", certificate: "e\u{301}", severity: "crite\u{301}", firstSeen: "2026-1\u{E9}"),
        ]
        let whole = [edited, otherCertificate, noResource, equivalent, unparsable]
        let all = [kept[0], whole[0], kept[1], whole[1], kept[2], whole[2], kept[3], whole[3], kept[4], whole[4]]
        let held = BaselineFindings(all)
        #expect(held.count == all.count)
        #expect(Self.bytes(held) == Self.bytes(all))
        #expect(Array(held) == all)
        #expect(held.heldWhole == whole.count)
        #expect(held.indices.map(held.key(at:)) == all.map(\.key))
        #expect(held.indices.map { Array(held.firstSeen(at: $0).utf8) } == all.map { Array($0.firstSeen.utf8) })
        #expect(BaselineFindings(kept).heldWhole == 0)
        #expect(BaselineFindings(kept) == BaselineFindings(kept) && BaselineFindings(kept) != held)
    }
}

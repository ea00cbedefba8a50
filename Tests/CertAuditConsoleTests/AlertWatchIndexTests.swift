import CertAuditConsole
import CertAuditCore
import Testing

/// The index must give each policy exactly the certificates `AlertPolicyRecord.watches` accepts, one
/// by one, in estate order: the simulation's alerts use the index, the message rules the question.
@Suite struct AlertWatchIndexTests {
    /// Every combination of repeated IDs, repeated and shared tags and no tags, over every selection.
    @Test func agreesWithAskingEachCertificate() {
        let tags = [Tag(key: "env", value: "prod"), Tag(key: "env", value: "test"), Tag(key: "team", value: "web")]
        let certificates = (0..<60).map { number -> Certificate in
            // IDs repeat (inventory rows naming one certificate twice) and tags repeat within a row.
            var record = CertificateRecord(line: number + 2, id: "cert-\(number % 23)")
            record.tags = (0..<(number % 4)).map { tags[(number + $0) % tags.count] }
            if number % 7 == 0 { record.tags += record.tags }
            return Certificate(record: record)
        }
        let selections: [AlertPolicyRecord.Selection] =
            [.all, .certificates([]), .certificates(["cert-3", "cert-3", "cert-22", "missing"])]
            + tags.map { .tag($0) } + [.tag(Tag(key: "env", value: "none"))]
        let policies = selections.map { AlertPolicyRecord(line: 2, id: "p", selection: $0, thresholdDays: 30) }
        let index = AlertWatchIndex(certificates, for: policies)
        for policy in policies {
            let expected = certificates.indices.filter { policy.watches(certificates[$0]) }
            #expect(index.watched(by: policy) == expected, "\(policy.selection)")
        }
        // Made for each policy alone, the index answers it the same: what other policies name does
        // not change what one watches.
        for policy in policies {
            let expected = certificates.indices.filter { policy.watches(certificates[$0]) }
            #expect(AlertWatchIndex(certificates, for: [policy]).watched(by: policy) == expected, "\(policy.selection)")
        }
    }
}

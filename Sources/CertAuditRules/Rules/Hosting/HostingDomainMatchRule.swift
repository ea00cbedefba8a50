import CertAuditConsole
import CertAuditCore

/// HOST-DOMAIN-MATCH: a designated new certificate covers exactly the old certificate's domains;
/// otherwise the replacement can break a name the old one served.
public struct HostingDomainMatchRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.bundleFacts + [.hosting(.association), .certificates(.sans)]

    public let descriptor = RuleDescriptor(
        id: .hostDomainMatch, title: "A designated successor covers the same domains", defaultSeverity: .high,
        citations: [.consoleGuide(.hosting)],
        summary:
            "A designated new certificate must cover exactly the old certificate's domains; a mismatch can break the service once replaced."
    )

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).compactMap { plan -> Finding? in
            guard case .designated(let id) = plan.record.association,
                let designated = context.estate.certificate(id: id),
                let oldNames = Self.names(plan.certificate), let newNames = Self.names(designated), oldNames != newNames
            else { return nil }
            let missing = oldNames.subtracting(newNames).sorted()
            let extra = newNames.subtracting(oldNames).sorted()
            return finding(
                "\(plan.record.reference): \(id) does not cover the same domains as \(plan.certificate.id)"
                    + (missing.isEmpty ? "" : "; missing \(missing.joined(separator: ", "))")
                    + (extra.isEmpty ? "" : "; extra \(extra.joined(separator: ", "))") + ".",
                certificate: plan.certificate.id)
        }
    }

    /// DNS names from the certificate, else from the inventory's claim.
    static func names(_ certificate: Certificate) -> Set<String>? {
        if let leaf = certificate.leaf { return Set(leaf.dnsNames.map { $0.lowercased() }) }
        return certificate.record.claimedSANs.map { Set($0.map { $0.lowercased() }) }
    }

    public var examples: RuleExamples {
        let old = ExampleEstate.certificate("old", source: .issued)
        let same = ExampleEstate.certificate(
            "new", bundle: ExampleEstate.bundle(ExampleEstate.leaf(notAfter: ExampleEstate.day(400), fingerprint: "n1"))
        )
        let other = ExampleEstate.certificate(
            "new",
            bundle: ExampleEstate.bundle(
                ExampleEstate.leaf(
                    cn: "api.example.com", sans: [.init(.dns, "api.example.com")], notAfter: ExampleEstate.day(400),
                    fingerprint: "n1")))
        func estate(_ new: Certificate) -> Estate {
            Estate(
                certificates: [old, new],
                lifecycle: LifecycleInputs(hosting: [
                    HostingRecord(line: 2, certificateID: "old", association: .designated("new"))
                ]))
        }
        return RuleExamples(
            passing: [RuleExample("same domains", estate: estate(same))],
            failing: [RuleExample("another domain", estate: estate(other))])
    }
}

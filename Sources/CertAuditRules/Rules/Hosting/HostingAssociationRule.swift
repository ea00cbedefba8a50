import CertAuditConsole
import CertAuditCore

/// HOST-ASSOCIATION and HOST-DOMAIN-MATCH: the new certificate is the auto-renewed successor (which
/// needs auto-renewal on) or one the user designates, which must outlive the old one and cover
/// exactly its domains.
public struct HostingAssociationRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.expiry + [.hosting(.association), .certificates(.autoRenew)]

    public let descriptor = RuleDescriptor(
        id: .hostAssociation, title: "Hosting has a certificate to replace with", defaultSeverity: .high,
        citations: [.consoleGuide(.hosting)],
        summary:
            "The new certificate is either detected automatically (the auto-renewed successor) or designated by the user. "
            + "Automatic association needs auto-renewal; a designated certificate must expire after the old one.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).compactMap { plan -> Finding? in
            let line = "\(plan.record.reference)"
            switch plan.record.association {
            case .automatic:
                guard plan.certificate.record.source == .issued, plan.certificate.record.autoRenew != true else {
                    return nil
                }
                return finding(
                    "\(line): the successor is to be detected automatically, but auto-renewal is off: no successor will appear.",
                    certificate: plan.certificate.id)
            case .designated(let id):
                guard let designated = context.estate.certificate(id: id), let newExpiry = designated.notAfter,
                    let oldExpiry = plan.certificate.notAfter, newExpiry <= oldExpiry
                else { return nil }
                return finding(
                    "\(line): the designated certificate \(id) expires no later than the certificate it replaces.",
                    certificate: plan.certificate.id)
            }
        }
    }

    public var examples: RuleExamples {
        let old = ExampleEstate.certificate("old", source: .issued) { $0.autoRenew = false }
        let renewing = ExampleEstate.certificate("old", source: .issued) { $0.autoRenew = true }
        let newer = ExampleEstate.certificate(
            "new", bundle: ExampleEstate.bundle(ExampleEstate.leaf(notAfter: ExampleEstate.day(400), fingerprint: "n1"))
        )
        let older = ExampleEstate.certificate(
            "new", bundle: ExampleEstate.bundle(ExampleEstate.leaf(notAfter: ExampleEstate.day(30), fingerprint: "n1")))
        func estate(_ certificates: [Certificate], _ association: HostingRecord.Association) -> Estate {
            Estate(
                certificates: certificates,
                lifecycle: LifecycleInputs(hosting: [
                    HostingRecord(line: 2, certificateID: "old", association: association)
                ]))
        }
        return RuleExamples(
            passing: [
                RuleExample("automatic with auto-renewal on", estate: estate([renewing], .automatic)),
                RuleExample("designated, newer", estate: estate([old, newer], .designated("new"))),
            ],
            failing: [
                RuleExample("automatic with auto-renewal off", estate: estate([old], .automatic)),
                RuleExample("designated, expires sooner", estate: estate([old, older], .designated("new"))),
            ])
    }
}

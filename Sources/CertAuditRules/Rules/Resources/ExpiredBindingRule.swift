import CertAuditConsole
import CertAuditCore

/// RES-EXPIRED-BINDING: a cloud resource serves a certificate that has expired (its own notAfter or
/// an expired certificate in its served chain) or been revoked, at the as-of time: an outage now.
/// The outage date is the local date of the first second after the expiry (RULES.md §0).
public struct ExpiredBindingRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + InputColumn.bindings + [.certificates(.status)]

    public let descriptor = RuleDescriptor(
        id: .resExpiredBinding, title: "A resource serves an expired or revoked certificate",
        defaultSeverity: .critical, citation: "RULES.md §11 (audit rule)",
        summary:
            "A cloud resource serves — or, per the simulation, will serve on a given date — a certificate that "
            + "has expired or been revoked. This is the outage prediction the report leads with.")

    public func check(_ context: RuleContext) -> [Finding] {
        context.estate.resources.compactMap { resource in
            guard let id = resource.certificateID, let certificate = context.estate.certificate(id: id) else {
                return nil
            }
            let label = "\(resource.type) \(resource.id)"
            if certificate.record.status == .revoked {
                return finding(
                    "\(label) serves certificate \(id), which is revoked.", certificate: id, resource: resource.id)
            }
            guard let expiry = certificate.effectiveExpiry, expiry < context.evaluatedAt,
                let outage = certificate.outageDate(in: context.settings.timeZone)
            else { return nil }
            let what =
                expiry < (certificate.leaf?.notAfter ?? expiry)
                ? "whose chain expired on \(context.settings.timeZone.iso8601(expiry))"
                : "which expired on \(context.settings.timeZone.iso8601(expiry))"
            return finding(
                "\(label) serves certificate \(id), \(what): clients have been refused since \(outage).",
                certificate: id, resource: resource.id, date: outage)
        }
    }

    public var examples: RuleExamples {
        let expired = ExampleEstate.certificate(
            "old",
            bundle: ExampleEstate.bundle(
                ExampleEstate.leaf(notBefore: ExampleEstate.day(-200), notAfter: ExampleEstate.day(-1))))
        let brokenChain = ExampleEstate.certificate(
            "chain", bundle: ExampleEstate.bundle(others: [ExampleEstate.intermediate(notAfter: ExampleEstate.day(-5))])
        )
        let revoked = ExampleEstate.certificate("revoked") { $0.status = .revoked }
        return RuleExamples(
            passing: [
                RuleExample(
                    "a resource serving a valid certificate",
                    [ExampleEstate.certificate("ok")], resources: [ExampleEstate.resource(serving: "ok")]),
                RuleExample("an expired certificate nobody serves", [expired]),
            ],
            failing: [
                RuleExample(
                    "serving an expired certificate", [expired], resources: [ExampleEstate.resource(serving: "old")]),
                RuleExample(
                    "serving a certificate whose intermediate expired", [brokenChain],
                    resources: [ExampleEstate.resource(serving: "chain")]),
                RuleExample(
                    "serving a revoked certificate", [revoked], resources: [ExampleEstate.resource(serving: "revoked")]),
            ])
    }
}

import CertAuditCore

/// CERT-NOT-YET-VALID: notBefore is after the as-of time; clients reject it until then.
public struct NotYetValidRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate

    public let descriptor = RuleDescriptor(
        id: .certNotYetValid, title: "Certificate is not yet valid", defaultSeverity: .medium,
        citations: [.rfc5280(section: "4.1.2.5")], summary: "notBefore is after the as-of time.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.hasBundle
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let notBefore = certificate.leaf?.notBefore, notBefore > context.evaluatedAt else { return [] }
        return [
            finding(
                "Not valid before \(context.settings.timeZone.iso8601(notBefore)).", certificate: certificate.id,
                date: context.localDate(notBefore))
        ]
    }

    public var examples: RuleExamples {
        let future = ExampleEstate.bundle(ExampleEstate.leaf(notBefore: ExampleEstate.asOf + 1))
        let now = ExampleEstate.bundle(ExampleEstate.leaf(notBefore: ExampleEstate.asOf))
        return RuleExamples(
            passing: [RuleExample("valid from the as-of second", [ExampleEstate.certificate(bundle: now)])],
            failing: [RuleExample("valid from one second later", [ExampleEstate.certificate(bundle: future)])])
    }
}

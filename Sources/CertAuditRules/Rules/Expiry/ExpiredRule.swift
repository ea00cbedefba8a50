import CertAuditConsole
import CertAuditCore

/// CERT-EXPIRED: the certificate has expired at the as-of time.
///
/// Severity is high while the certificate is live in the inventory or still bound to a resource,
/// and low for one the console already lists as expired, revoked, cancelled or refunded and that
/// nothing serves (history, not a risk); RES-EXPIRED-BINDING reports what an expired certificate breaks.
public struct ExpiredRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + [.certificates(.status)] + InputColumn.bindings

    public let descriptor = RuleDescriptor(
        id: .certExpired, title: "Certificate has expired", defaultSeverity: .high,
        citations: [.rfc5280(section: "4.1.2.5")],
        summary: "The certificate has expired at the run's as-of time.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.notAfter != nil
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let notAfter = certificate.notAfter, notAfter < context.evaluatedAt else { return [] }
        let inUse = context.estate.hasResources(boundTo: certificate.id)
        let severity: Severity = certificate.isRetired && !inUse ? .low : descriptor.defaultSeverity
        let days = -context.daysUntil(notAfter)
        return [
            finding(
                "Expired on \(context.settings.timeZone.iso8601(notAfter)) (\(days) days ago).", severity: severity,
                certificate: certificate.id, date: context.localDate(notAfter))
        ]
    }

    public var examples: RuleExamples {
        let expired = ExampleEstate.bundle(
            ExampleEstate.leaf(notBefore: ExampleEstate.day(-100), notAfter: ExampleEstate.day(-1)))
        let lastSecond = ExampleEstate.bundle(ExampleEstate.leaf(notAfter: ExampleEstate.asOf))
        let withoutBundle = ExampleEstate.certificate(bundle: nil) { $0.claimedNotAfter = ExampleEstate.day(-3) }
        return RuleExamples(
            passing: [
                RuleExample("valid for 120 more days", [ExampleEstate.certificate()]),
                RuleExample("notAfter is the as-of second itself", [ExampleEstate.certificate(bundle: lastSecond)]),
            ],
            failing: [
                RuleExample("expired yesterday", [ExampleEstate.certificate(bundle: expired)]),
                RuleExample("an inventory row whose not_after has passed", [withoutBundle]),
            ])
    }
}

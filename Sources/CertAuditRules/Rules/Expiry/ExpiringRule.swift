import CertAuditConsole
import CertAuditCore

/// CERT-EXPIRING: days to expiry at or below the configured thresholds (default 30 natural days,
/// the renewal window). Within 7 days it is high; otherwise medium.
public struct ExpiringRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + [.certificates(.status)]

    public let descriptor = RuleDescriptor(
        id: .certExpiring, title: "Certificate expires soon", defaultSeverity: .medium,
        citations: [.rfc5280(section: "4.1.2.5"), .consoleGuide(.autoRenewal)],
        summary:
            "Days to expiry at or below the configured thresholds (default 30, the renewal window of 30 "
            + "natural days). Counted in natural days of the run's time zone.", highestSeverity: .high)

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.notAfter != nil && !certificate.isRetired
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let notAfter = certificate.notAfter, notAfter >= context.evaluatedAt else { return [] }
        let days = context.daysUntil(notAfter)
        guard let threshold = context.settings.expiryThresholdsDays.last(where: { days <= Int64($0) }) else {
            return []
        }
        return [
            finding(
                "Expires in \(days) days, on \(context.settings.timeZone.iso8601(notAfter)) (threshold \(threshold) days).",
                severity: days <= 7 ? .high : descriptor.defaultSeverity, certificate: certificate.id,
                date: context.localDate(notAfter))
        ]
    }

    public var examples: RuleExamples {
        func expiring(in days: Int64) -> Certificate {
            ExampleEstate.certificate(
                bundle: ExampleEstate.bundle(ExampleEstate.leaf(notAfter: ExampleEstate.day(days))))
        }
        return RuleExamples(
            passing: [
                RuleExample("31 days left", [expiring(in: 31)]),
                RuleExample("already expired (CERT-EXPIRED's business)", [expiring(in: -2)]),
            ],
            failing: [
                RuleExample("30 days left", [expiring(in: 30)]),
                RuleExample("expires later today", [expiring(in: 0)]),
            ])
    }
}

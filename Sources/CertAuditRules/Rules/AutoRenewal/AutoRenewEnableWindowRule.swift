import CertAuditConsole
import CertAuditCore

/// AR-ENABLE-WINDOW: auto-renewal can be switched on only while at least 14 natural days (14
/// included) remain before expiry; switched on later, it never charges.
public struct AutoRenewEnableWindowRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.expiry + [.certificates(.autoRenew), .certificates(.autoRenewEnabledOn)]

    public let descriptor = RuleDescriptor(
        id: .arEnableWindow, title: "Auto-renewal was switched on in time", defaultSeverity: .high,
        citations: [.consoleGuide(.autoRenewal)],
        summary: "Auto-renewal can be switched on only while at least 14 days (14 included) remain before expiry.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.autoRenew == true && certificate.record.autoRenewEnabledOn != nil
            && certificate.notAfter != nil
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let enabled = certificate.record.autoRenewEnabledOn, let expiry = certificate.notAfter else { return [] }
        let left = context.localDate(expiry) - context.localDate(enabled)
        guard !AutoRenewal.canSwitchOn(daysLeft: left) else { return [] }
        return [
            finding(
                "Auto-renewal was switched on \(context.localDate(enabled)) with \(left) days left, fewer than 14: it cannot take effect.",
                certificate: certificate.id, date: context.localDate(enabled))
        ]
    }

    public var examples: RuleExamples {
        func enabled(daysBeforeExpiry days: Int64) -> Certificate {
            ExampleEstate.certificate(source: .issued) {
                $0.autoRenew = true
                $0.autoRenewEnabledOn = ExampleEstate.day(120 - days)
            }
        }
        return RuleExamples(
            passing: [RuleExample("14 days before expiry", [enabled(daysBeforeExpiry: 14)])],
            failing: [RuleExample("13 days before expiry", [enabled(daysBeforeExpiry: 13)])])
    }
}

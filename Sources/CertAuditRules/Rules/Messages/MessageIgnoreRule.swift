import CertAuditConsole
import CertAuditCore

/// MSG-IGNORE: ignoring a certificate's messages stops every message about it, expiry reminders
/// included, until it is followed again. Reported for every live certificate whose messages are
/// ignored (information), and as medium once it is within the expiry threshold.
public struct MessageIgnoreRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.expiry + [.certificates(.status), .certificates(.ignored), .certificates(.ignoredSince)]

    public let descriptor = RuleDescriptor(
        id: .msgIgnore, title: "Messages about the certificate are ignored", defaultSeverity: .info,
        citations: [.consoleGuide(.ignoringMessages)],
        summary:
            "Ignoring a certificate's messages stops every message about it from that day on, expiry reminders "
            + "included, until it is followed again.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.ignored == true && !certificate.isRetired
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        let since = certificate.record.ignoredSince.map { " since \(context.localDate($0))" } ?? ""
        guard let expiry = certificate.notAfter, expiry >= context.evaluatedAt else {
            return [
                finding(
                    "Messages are ignored\(since): no message about this certificate is sent.",
                    certificate: certificate.id)
            ]
        }
        let days = context.daysUntil(expiry)
        let soon = days <= context.settings.renewalWindowDays
        return [
            finding(
                "Messages are ignored\(since): the reminders for its expiry in \(days) days will not be sent.",
                severity: soon ? .medium : descriptor.defaultSeverity, certificate: certificate.id,
                date: context.localDate(expiry))
        ]
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [RuleExample("messages followed", [ExampleEstate.certificate { $0.ignored = false }])],
            failing: [RuleExample("messages ignored", [ExampleEstate.certificate { $0.ignored = true }])])
    }
}

import CertAuditConsole
import CertAuditCore

/// NOTIFY-UNWATCHED (audit rule): a certificate approaching expiry whose messages are ignored, and
/// which no alert policy with a reachable receiver watches, will expire without anyone being told.
public struct NotifyUnwatchedRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.expiry + InputColumn.alertCoverage + [.certificates(.status), .certificates(.ignored)]

    public let descriptor = RuleDescriptor(
        id: .notifyUnwatched, title: "Nobody will be told the certificate expires", defaultSeverity: .high,
        citations: [
            .certauditAuditRule, .consoleGuide(.ignoringMessages), .consoleGuide(.expiryAlerts),
            .consoleGuide(.notifications),
        ],
        summary:
            "A certificate approaching expiry whose messages are ignored, and which no alert policy with a deliverable "
            + "receiver covers, will expire without anyone being told.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.ignored == true && !certificate.isRetired && certificate.notAfter != nil
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let expiry = certificate.notAfter, expiry >= context.evaluatedAt,
            context.daysUntil(expiry) <= context.settings.renewalWindowDays,
            !AlertCoverage(estate: context.estate).isWatched(certificate)
        else { return [] }
        return [
            finding(
                "Expires in \(context.daysUntil(expiry)) days with its messages ignored and no alert policy that reaches "
                    + "anyone: nobody will be told.", certificate: certificate.id, date: context.localDate(expiry))
        ]
    }

    public var examples: RuleExamples {
        let ignored = ExampleEstate.certificate(
            "c", bundle: ExampleEstate.bundle(ExampleEstate.leaf(notAfter: ExampleEstate.day(20)))
        ) { $0.ignored = true }
        var reachable = ContactRecord(line: 2, id: "ops", channels: [.email])
        reachable.email = "ops@example.com"
        let unreachable = ContactRecord(line: 3, id: "nobody", channels: [.sms])
        func estate(_ receiver: String) -> Estate {
            Estate(
                certificates: [ignored],
                lifecycle: LifecycleInputs(
                    contacts: [reachable, unreachable],
                    alertPolicies: [
                        AlertPolicyRecord(line: 2, id: "p", selection: .all, thresholdDays: 30, receivers: [receiver])
                    ]))
        }
        return RuleExamples(
            passing: [RuleExample("a policy reaches ops by email", estate: estate("ops"))],
            failing: [
                RuleExample("the only policy reaches nobody", estate: estate("nobody")),
                RuleExample("no policy at all", [ignored]),
            ])
    }
}

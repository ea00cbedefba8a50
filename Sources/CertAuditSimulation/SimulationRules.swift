import CertAuditCore

/// The rules the simulation checks, with the severity of the findings it dates: the catalogue lists
/// them (`certaudit rules`, the rule reference) and the simulation reports with them, so the two
/// cannot disagree. Rules that only shape the timeline (a charge date, a review time) find nothing
/// wrong by themselves; their events are the evidence.
public enum SimulationRules {
    /// The descriptor of each simulated rule, and what the simulation does for it.
    public static let descriptors: [RuleDescriptor] = [
        rule(
            .hostNewCertReady, "The new certificate is issued by the replacement date", .high,
            [.consoleGuide(.hosting)],
            "A hosting-failed event and a finding, dated the replacement date, when no new certificate is issued by then."
        ),
        rule(
            .hostMessages, "Hosting reminds and reports", .low, [.consoleGuide(.hosting)],
            "A hosting-reminder event 3 days before each replacement when messages are on and not ignored; a finding "
                + "when a replacement will be done without any message."),
        rule(
            .uphProduct, "Uploaded-hosting buys the successor when configured", .info,
            [.consoleGuide(.uploadedHosting)],
            "The successor's product is hosting.csv's successor_product (else the certificate's); its order never fails "
                + "for money."),
        rule(
            .uphAutoSubmit, "Uploaded-hosting submits the successor 29 days before expiry", .info,
            [.consoleGuide(.uploadedHosting)],
            "A uph-order-submitted and a successor-created event 29 days before each hosted generation's expiry."),
        rule(
            .uphDeploy, "Uploaded-hosting deploys the successor", .info, [.consoleGuide(.uploadedHosting)],
            "hosting-replaced or hosting-failed events at the plan's lead, on the resource types it names."),
        rule(
            .arChargeDate, "Auto-renewal charges 30 days before expiry", .info, [.consoleGuide(.autoRenewal)],
            "A renewal-charge event on the charge date; a finding when the charge date is history and the inventory "
                + "names no successor (none is assumed)."),
        rule(
            .arChargeFailed, "The auto-renewal charge can be paid", .high, [.consoleGuide(.autoRenewal)],
            "renewal-charge-failed and account-shortfall events and a finding when the account's balance, drawn in "
                + "date order across its certificates, cannot cover a charge."),
        rule(
            .arSuccessor, "A charge creates the successor the same day", .info, [.consoleGuide(.autoRenewal)],
            "A successor-created event on each successful charge."),
        rule(
            .arSuccessorValidity, "The successor's validity", .info,
            [.consoleGuide(.autoRenewal), .baselineRequirements(section: "6.3.2", ballot: "SC-081v3")],
            "Each successor's expiry event: the old expiry plus one year, capped by BR-MAX-VALIDITY on its issue date "
                + "(--successor-validity cabf, the default) or not (one-year)."),
        rule(
            .arValidation, "The successor's domain is validated in time", .high, [.consoleGuide(.autoRenewal)],
            "validation-deadline and validation-failed events and a finding 3 days after the successor's creation when "
                + "no validation record is in place (DNS on the platform, DNS_AUTO or validation_ready)."),
        rule(
            .arDeploy, "An issued successor is deployed", .medium, [.consoleGuide(.autoRenewal)],
            "A finding, dated the issue date, when a successor no hosting plan deploys leaves bound resources on the "
                + "old certificate."),
        rule(
            .revDuration, "Review takes working days", .info, [.consoleGuide(.urgeReview)],
            "Each successor-issued event: the review's last working day (DV 1; OV 5, typical 3; EV 7, typical 5)."),
        rule(
            .ptsUse, "A renewal paid in points draws the account's packages", .info,
            [.consoleGuide(.entitlementPoints)],
            "A points-consumed event per package drawn (earliest expiry first) for each renewal paid in points; "
                + "renewal-charge-failed and account-shortfall when the usable packages cannot pay it."),
        rule(
            .resExpiredBinding, "A resource serves an expired or revoked certificate", .critical,
            [.certauditAuditRule, .rfc5280(section: "4.1.2.5")],
            "A resource-expired event and a finding per resource, dated its first day out, with the chain of causes; "
                + "also for an outage already under way."),
    ]

    /// The default severity of a simulated rule's findings.
    static func severity(of id: RuleID) -> Severity {
        descriptors.first { $0.id == id }?.defaultSeverity ?? .medium
    }

    /// `sources`: the chapters the rule comes from; how the simulation dates its events is
    /// docs/simulation.md's.
    private static func rule(
        _ id: RuleID, _ title: String, _ severity: Severity, _ sources: [Citation], _ does: String
    ) -> RuleDescriptor {
        RuleDescriptor(id: id, title: title, defaultSeverity: severity, citations: sources, summary: does)
    }
}

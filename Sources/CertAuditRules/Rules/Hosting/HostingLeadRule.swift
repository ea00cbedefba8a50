import CertAuditConsole
import CertAuditCore

/// HOST-LEAD: the replacement time is immediately, or 25, 15 or 7 days before expiry, and when the
/// plan was configured the old certificate had at least that many days left.
public struct HostingLeadRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.expiry + [.hosting(.configuredOn), .hosting(.replaceLead)]

    public let descriptor = RuleDescriptor(
        id: .hostLead, title: "Replacement lead is allowed and was possible", defaultSeverity: .medium,
        citations: [.consoleGuide(.hosting)],
        summary:
            "The replacement time is \"immediately\", or 25, 15 or 7 days before expiry. The old certificate's remaining "
            + "validity when hosting is configured must be at least the lead.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).compactMap { plan -> Finding? in
            guard case .daysBeforeExpiry(let lead) = plan.record.replaceLead else { return nil }
            let line = "\(plan.record.reference)"
            guard ReplaceLead.allowedDays.contains(lead) else {
                return finding(
                    "\(line): a lead of \(lead) days is not offered (immediately, 25, 15 or 7).",
                    certificate: plan.certificate.id)
            }
            guard let configured = plan.record.configuredOn, let expiry = plan.certificate.notAfter,
                plan.record.replaceLead?.isReachable(
                    configuredOn: context.localDate(configured), expiringOn: context.localDate(expiry)) == false
            else { return nil }
            let left = context.localDate(expiry) - context.localDate(configured)
            return finding(
                "\(line): configured with \(left) days left, fewer than the \(lead)-day lead; the replacement time had already passed.",
                certificate: plan.certificate.id, date: context.localDate(configured))
        }
    }

    public var examples: RuleExamples {
        let certificate = ExampleEstate.certificate("c", source: .issued)
        func plan(_ lead: Int, configuredDaysAgo: Int64 = 0) -> Estate {
            var record = HostingRecord(line: 2, certificateID: "c")
            record.replaceLead = .daysBeforeExpiry(lead)
            record.configuredOn = ExampleEstate.day(-configuredDaysAgo)
            return Estate(certificates: [certificate], lifecycle: LifecycleInputs(hosting: [record]))
        }
        return RuleExamples(
            passing: [RuleExample("25 days with 120 left", estate: plan(25))],
            failing: [
                RuleExample("a 10-day lead", estate: plan(10)),
                RuleExample("25 days configured with 20 left", estate: plan(25, configuredDaysAgo: -100)),
            ])
    }
}

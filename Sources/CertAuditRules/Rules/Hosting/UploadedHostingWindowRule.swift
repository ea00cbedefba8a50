import CertAuditConsole
import CertAuditCore

/// UPH-WINDOW: an uploaded third-party certificate can be hosted while it has more than 30 days
/// before expiry; configured later, its successor cannot be ordered in time.
public struct UploadedHostingWindowRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.expiry + [.hosting(.configuredOn), .certificates(.certificateType)]

    public let descriptor = RuleDescriptor(
        id: .uphWindow, title: "Uploaded certificate hosted with more than 30 days left", defaultSeverity: .high,
        citations: [.consoleGuide(.uploadedHosting)],
        summary:
            "An uploaded third-party certificate can be hosted for free while it has more than 30 days before expiry. "
            + "Hosting configured on or after 2025-06-13 only.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).compactMap { plan -> Finding? in
            guard plan.certificate.record.source == .uploaded, plan.certificate.record.kind == .server,
                let configured = plan.record.configuredOn, let expiry = plan.certificate.notAfter
            else { return nil }
            let left = context.localDate(expiry) - context.localDate(configured)
            guard left <= 30 else { return nil }
            return finding(
                "\(plan.record.reference): hosted with \(left) days left; uploaded-hosting needs more than 30.",
                certificate: plan.certificate.id, date: context.localDate(configured))
        }
    }

    public var examples: RuleExamples {
        func plan(daysLeft: Int64) -> Estate {
            var record = HostingRecord(line: 2, certificateID: "u")
            record.configuredOn = ExampleEstate.day(120 - daysLeft)
            return Estate(certificates: [ExampleEstate.certificate("u")], lifecycle: LifecycleInputs(hosting: [record]))
        }
        return RuleExamples(
            passing: [RuleExample("31 days left", estate: plan(daysLeft: 31))],
            failing: [RuleExample("30 days left", estate: plan(daysLeft: 30))])
    }
}

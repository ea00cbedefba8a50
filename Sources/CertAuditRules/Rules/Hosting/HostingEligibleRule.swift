import CertAuditConsole
import CertAuditCore

/// HOST-ELIGIBLE: platform-issued server certificates can be hosted; uploaded ones only under the
/// uploaded-hosting scheme, which exists from 2025-06-13 (UPH); a CA certificate never, nor one
/// that had already expired when the plan was configured.
public struct HostingEligibleRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.expiry + [.hosting(.configuredOn), .certificates(.certificateType)]

    /// The day the console began hosting uploaded certificates (RULES.md §3).
    public static let uploadedHostingFrom = LocalDate(year: 2025, month: 6, day: 13)!

    public let descriptor = RuleDescriptor(
        id: .hostEligible, title: "The certificate can be hosted", defaultSeverity: .high,
        citations: [.consoleGuide(.hosting), .consoleGuide(.uploadedHosting)],
        summary:
            "Platform-issued certificates (free or paid) can be hosted. Uploaded (third-party) certificates can be hosted "
            + "only under the uploaded-hosting scheme, from 2025-06-13. A CA certificate is never hosted.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).compactMap { plan -> Finding? in
            let line = plan.record.reference
            if let configured = plan.record.configuredOn, let expiry = plan.certificate.notAfter, configured > expiry {
                return finding(
                    "\(line): hosting configured on \(context.localDate(configured)), after \(plan.certificate.id) expired "
                        + "on \(context.localDate(expiry)): an expired certificate cannot be hosted.",
                    certificate: plan.certificate.id)
            }
            if plan.certificate.record.kind == .ca {
                return finding(
                    "\(line): \(plan.certificate.id) is a CA certificate, which cannot be hosted.",
                    certificate: plan.certificate.id)
            }
            if plan.certificate.record.source == .uploaded, let configured = plan.record.configuredOn,
                context.localDate(configured) < Self.uploadedHostingFrom
            {
                return finding(
                    "\(line): an uploaded certificate hosted on \(context.localDate(configured)), before uploaded-hosting "
                        + "began on \(Self.uploadedHostingFrom).", certificate: plan.certificate.id)
            }
            return nil
        }
    }

    public var examples: RuleExamples {
        func plan(_ certificate: Certificate, configured: Instant? = ExampleEstate.day(-10)) -> Estate {
            var record = HostingRecord(line: 2, certificateID: certificate.id)
            record.configuredOn = configured
            return Estate(certificates: [certificate], lifecycle: LifecycleInputs(hosting: [record]))
        }
        let early = RunTimeZone.shanghai.startOfDay(LocalDate(year: 2025, month: 6, day: 12)!)
        return RuleExamples(
            passing: [
                RuleExample("a platform certificate", estate: plan(ExampleEstate.certificate("c", source: .issued))),
                RuleExample(
                    "an uploaded certificate hosted on 2025-06-13",
                    estate: plan(
                        ExampleEstate.certificate("u"),
                        configured: RunTimeZone.shanghai.startOfDay(Self.uploadedHostingFrom))),
            ],
            failing: [
                RuleExample("a CA certificate", estate: plan(ExampleEstate.certificate("ca", kind: .ca))),
                RuleExample(
                    "an uploaded certificate hosted on 2025-06-12",
                    estate: plan(ExampleEstate.certificate("u"), configured: early)),
                RuleExample(
                    "hosting configured after expiry",
                    estate: plan(ExampleEstate.certificate("c", source: .issued), configured: ExampleEstate.day(121))),
            ])
    }
}

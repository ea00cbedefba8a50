import CertAuditConsole
import CertAuditCore

/// HOST-NO-RESOURCES: hosting a certificate bound to no cloud resource does nothing (information).
public struct HostingNoResourcesRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.activePlans + InputColumn.bindings

    public let descriptor = RuleDescriptor(
        id: .hostNoResources, title: "Hosting a certificate bound to nothing", defaultSeverity: .info,
        citations: [.consoleGuide(.hosting)],
        summary: "Hosting a certificate that is bound to no cloud resource does nothing.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).filter { !context.estate.hasResources(boundTo: $0.certificate.id) }
            .map {
                finding(
                    "\($0.record.reference): \($0.certificate.id) is hosted but bound to no resource, so hosting replaces nothing.",
                    certificate: $0.certificate.id)
            }
    }

    public var examples: RuleExamples {
        let lifecycle = LifecycleInputs(hosting: [
            HostingRecord(line: 2, certificateID: "c", resourceTypes: [ResourceType("CDN")])
        ])
        let certificate = ExampleEstate.certificate("c", source: .issued)
        return RuleExamples(
            passing: [
                RuleExample(
                    "hosted and bound",
                    estate: Estate(
                        certificates: [certificate], resources: [ExampleEstate.resource(type: "CDN", serving: "c")],
                        lifecycle: lifecycle))
            ],
            failing: [
                RuleExample(
                    "hosted, bound to nothing", estate: Estate(certificates: [certificate], lifecycle: lifecycle))
            ])
    }
}

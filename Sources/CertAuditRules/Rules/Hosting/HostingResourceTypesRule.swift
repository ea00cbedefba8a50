import CertAuditConsole
import CertAuditCore

/// HOST-RESOURCE-TYPES: hosting replaces the certificate only on the resource types its plan names.
/// A bound resource of another type keeps the old certificate and serves it expired after notAfter.
public struct HostingResourceTypesRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.expiry + InputColumn.bindings + [.hosting(.resourceTypes)]

    public let descriptor = RuleDescriptor(
        id: .hostResourceTypes, title: "Hosting covers every type of resource the certificate is bound to",
        defaultSeverity: .high, citations: [.consoleGuide(.hosting), .consoleGuide(.uploadedHosting)],
        summary:
            "Hosting names the resource types it replaces on (CDN, CLB, TKE, LIVE, WAF, DDOS, APIGATEWAY, TEO, VOD; "
            + "uploaded-hosting adds COS, TSE, SCDN, DCDN, ALB). Resources bound to the certificate whose type is not "
            + "named are not replaced: when the old certificate expires they serve an expired certificate.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).flatMap { plan -> [Finding] in
            let named = Set(plan.record.resourceTypes.map(\.name))
            var found = named.subtracting(plan.supportedTypes).sorted().map {
                finding(
                    "\(plan.record.reference): hosting cannot replace on \($0) resources.",
                    severity: .medium, certificate: plan.certificate.id)
            }
            let outage = plan.certificate.outageDate(in: context.settings.timeZone)
            for resource in context.estate.resources(boundTo: plan.certificate.id)
            where !named.contains(resource.type.name) || !plan.supportedTypes.contains(resource.type.name) {
                found.append(
                    finding(
                        "\(resource.type) \(resource.id) is bound to \(plan.certificate.id) but the hosting plan ("
                            + "\(plan.record.reference)) does not replace on \(resource.type): it will serve the expired certificate"
                            + (outage.map { " from \($0)" } ?? "") + ".",
                        certificate: plan.certificate.id, resource: resource.id, date: outage))
            }
            return found
        }
    }

    public var examples: RuleExamples {
        let certificate = ExampleEstate.certificate("c", source: .issued)
        let resources = [
            ExampleEstate.resource("cdn-1", type: "CDN", serving: "c"),
            ExampleEstate.resource("lb-1", type: "CLB", serving: "c"),
        ]
        func plan(_ types: [String]) -> Estate {
            Estate(
                certificates: [certificate], resources: resources,
                lifecycle: LifecycleInputs(hosting: [
                    HostingRecord(line: 2, certificateID: "c", resourceTypes: types.map(ResourceType.init))
                ]))
        }
        return RuleExamples(
            passing: [RuleExample("the plan covers CDN and CLB", estate: plan(["CDN", "CLB"]))],
            failing: [
                RuleExample("the plan covers the CDN only", estate: plan(["CDN"])),
                RuleExample("the plan names COS for a platform certificate", estate: plan(["CDN", "CLB", "COS"])),
            ])
    }
}

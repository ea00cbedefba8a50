import CertAuditCore

/// DEL-NO-RESOURCES: a certificate still bound to cloud resources cannot be deleted; they would lose
/// their certificate. Bindings are the inventory's (`resources.csv`).
public struct DeleteNoResourcesRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.bindings

    public let descriptor = RuleDescriptor(
        id: .delNoResources, title: "Unbind before deleting", defaultSeverity: .medium,
        citations: [.consoleGuide(.deletion)],
        summary:
            "A certificate still bound to cloud resources cannot be deleted (unbind first); deleting one that is "
            + "deployed would interrupt those services.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.delete]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let bound = request.boundResources
        guard !bound.isEmpty else { return [] }
        return deny(
            "\(request.reference): \(request.certificate.id) is still bound to "
                + bound.listing + "; unbind it first.")
    }

    public var examples: RuleExamples {
        let certificate = ExampleEstate.certificate()
        return RuleExamples(
            passing: [
                RuleExample("an unbound certificate", [certificate], operations: [ExampleEstate.operation(.delete)])
            ],
            failing: [
                RuleExample(
                    "a bound certificate", [certificate], operations: [ExampleEstate.operation(.delete)],
                    resources: [ExampleEstate.resource(serving: "cert-1")])
            ])
    }
}

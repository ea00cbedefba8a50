import CertAuditConsole
import CertAuditCore

/// RVK-EFFECT: once a revocation is requested the certificate can no longer be downloaded or
/// deployed, and once revoked browsers distrust it. So a second revocation, or hosting, reissuing,
/// auto-renewing, urging or uploading a certificate being revoked is denied; and a revocation of a
/// certificate that resources still serve warns that those resources will fail.
public struct RevocationEffectRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.bindings + [.certificates(.status)]

    public let descriptor = RuleDescriptor(
        id: .rvkEffect, title: "What a revocation stops", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary:
            "Once a revocation is requested the certificate can no longer be downloaded or deployed; once revoked, "
            + "browsers distrust it, and it can be deleted.")

    public let judgedKinds: Set<OperationRecord.Kind> = [
        .revoke, .host, .reissue, .enableAutoRenew, .urgeReview, .upload,
    ]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let id = request.certificate.id
        if request.record.status == .revoked {
            return deny("\(request.reference): \(id) is revoked; it can no longer be used, only deleted.")
        }
        if let status = request.record.status, CertificateState.revocationRequested.contains(status) {
            return deny(
                "\(request.reference): a revocation of \(id) has been requested; it can no longer be downloaded or deployed."
            )
        }
        guard request.operation.kind == .revoke else { return [] }
        let bound = request.boundResources
        guard !bound.isEmpty else { return [] }
        let names = bound.listing
        return require(
            "\(request.reference): \(names) still serve \(id); once it is revoked browsers distrust it there. Deploy a "
                + "replacement first.")
    }

    public var examples: RuleExamples {
        let issued = ExampleEstate.certificate(source: .issued)
        let revoked = ExampleEstate.certificate(source: .issued) { $0.status = .revoked }
        return RuleExamples(
            passing: [RuleExample("an unbound certificate", [issued], operations: [ExampleEstate.operation(.revoke)])],
            failing: [
                RuleExample("a revoked certificate", [revoked], operations: [ExampleEstate.operation(.revoke)]),
                RuleExample(
                    "a bound certificate", [issued], operations: [ExampleEstate.operation(.revoke)],
                    resources: [ExampleEstate.resource(serving: "cert-1")]),
                RuleExample(
                    "hosting after a revocation request", [issued],
                    operations: [
                        ExampleEstate.operation(.revoke),
                        ExampleEstate.operation(.host, at: ExampleEstate.day(1), line: 3),
                    ]),
            ])
    }
}

import CertAuditConsole
import CertAuditCore

/// RVK-ISSUED-HERE: only certificates the platform issued, and that are in force, can be revoked
/// on the console; an uploaded certificate is revoked by the CA that issued it.
public struct RevokeIssuedHereRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + [.certificates(.status), .certificates(.source)]

    public let descriptor = RuleDescriptor(
        id: .rvkIssuedHere, title: "Only platform-issued certificates can be revoked", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary:
            "Only platform-issued certificates can be revoked; uploaded ones cannot. A certificate that is not in "
            + "force (expired, cancelled, refunded, still under review) has nothing to revoke.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.revoke]

    /// States in which there is no issued certificate to revoke: in review, or ended (a revoked
    /// one is RVK-EFFECT's to report).
    static let notInForce = CertificateState.inReview.union(CertificateState.ended).subtracting([.revoked])

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        if request.record.source == .uploaded {
            return deny(
                "\(request.reference): \(request.certificate.id) was uploaded; only certificates the platform issued can "
                    + "be revoked here. Ask the CA that issued it.")
        }
        if let state = request.state, Self.notInForce.contains(state) {
            return deny(
                "\(request.reference): \(request.certificate.id) is \(state.rawValue); only an issued certificate can be revoked."
            )
        }
        return []
    }

    public var examples: RuleExamples {
        let issued = ExampleEstate.certificate(source: .issued)
        return RuleExamples(
            passing: [RuleExample("an issued certificate", [issued], operations: [ExampleEstate.operation(.revoke)])],
            failing: [
                RuleExample(
                    "an uploaded certificate", [ExampleEstate.certificate(source: .uploaded)],
                    operations: [ExampleEstate.operation(.revoke)]),
                RuleExample(
                    "an expired certificate", [issued],
                    operations: [ExampleEstate.operation(.revoke, at: ExampleEstate.day(121))]),
            ])
    }
}

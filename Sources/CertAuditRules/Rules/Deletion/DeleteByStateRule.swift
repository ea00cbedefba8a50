import CertAuditConsole
import CertAuditCore

/// DEL-BY-STATE: which certificates can be deleted, by state. Uploaded, expired and free
/// certificates: any time. Paid: only once revoked. Awaiting validation: only after the review is
/// cancelled.
///
/// Decision: an order that ended without a certificate (cancelled, refunded, validation failed) is
/// deletable, like a cancelled review; one still in review (validating, pending submission or
/// letter, DNS record added, cancelling) is not.
public struct DeleteByStateRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        [.certificates(.status), .certificates(.source), .certificates(.free)] + InputColumn.product
        + InputColumn.expiry

    public let descriptor = RuleDescriptor(
        id: .delByState, title: "Deletion allowed in the certificate's state", defaultSeverity: .medium,
        citations: [.consoleGuide(.deletion)],
        summary:
            "Expired: any time. Free test certificates: any state. Paid: only after revocation. Awaiting validation: "
            + "only after the review is cancelled. Uploaded: any time.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.delete]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let record = request.record
        if record.source == .uploaded || record.isFreeDV || record.free == true { return [] }
        let id = request.certificate.id
        guard let state = request.state else {
            return deny(
                "\(request.reference): \(id) is a paid certificate; delete it after it is revoked or has expired.")
        }
        if CertificateState.ended.contains(state) { return [] }
        if CertificateState.inReview.contains(state) {
            return deny(
                "\(request.reference): \(id) is \(state.rawValue), awaiting validation; cancel the review first.")
        }
        if CertificateState.revocationRequested.contains(state) {
            return deny(
                "\(request.reference): the revocation of \(id) is not finished; a paid certificate can be deleted once revoked."
            )
        }
        return deny(
            "\(request.reference): \(id) is a paid certificate (\(state.rawValue)); delete it after it is revoked or has expired."
        )
    }

    public var examples: RuleExamples {
        let paid = ExampleEstate.certificate(source: .issued) { $0.product = .ov }
        let revoked = ExampleEstate.certificate(source: .issued) {
            $0.product = .ov
            $0.status = .revoked
        }
        let free = ExampleEstate.certificate(source: .issued) { $0.product = .dvFree }
        let validating = ExampleEstate.certificate(source: .issued, bundle: nil) {
            $0.product = .dv
            $0.status = .validating
        }
        return RuleExamples(
            passing: [
                RuleExample(
                    "an uploaded certificate", [ExampleEstate.certificate()],
                    operations: [ExampleEstate.operation(.delete)]),
                RuleExample("a revoked paid certificate", [revoked], operations: [ExampleEstate.operation(.delete)]),
                RuleExample("a free certificate", [free], operations: [ExampleEstate.operation(.delete)]),
                RuleExample(
                    "a paid certificate once expired", [paid],
                    operations: [ExampleEstate.operation(.delete, at: ExampleEstate.day(121))]),
            ],
            failing: [
                RuleExample("a paid certificate in force", [paid], operations: [ExampleEstate.operation(.delete)]),
                RuleExample("an order under review", [validating], operations: [ExampleEstate.operation(.delete)]),
            ])
    }
}

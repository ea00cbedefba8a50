import CertAuditConsole
import CertAuditCore

/// RVK-REISSUED: a reissued order is revoked with its original, never on its own (except WoTrus
/// international and DNSPod SM2 certificates); revoking an original takes its reissues with it.
public struct RevokeReissuedRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.brand + InputColumn.standard + [.certificates(.reissueOf), .certificates(.status)]

    public let descriptor = RuleDescriptor(
        id: .rvkReissued, title: "Reissues are revoked with their original", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary:
            "A reissued order cannot be revoked on its own (except WoTrus international and DNSPod SM2): revoke the "
            + "original order, and the original and its reissues are revoked together.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.revoke]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let record = request.record
        let exempt =
            (record.hasBrand("WoTrus") && record.standard == .international)
            || (record.hasBrand("DNSPod") && record.standard == .sm2)
        if let original = record.reissueOf, !exempt {
            return deny(
                "\(request.reference): \(request.certificate.id) is a reissue of \(original); revoke \(original) instead, "
                    + "which revokes it and all its reissues together.")
        }
        let reissues = request.history.reissues(of: request.certificate.id)
        guard !reissues.isEmpty, !exempt else { return [] }
        return require("\(request.reference): its reissues \(reissues.joined(separator: ", ")) are revoked with it.")
    }

    public var examples: RuleExamples {
        let original = ExampleEstate.certificate("original", source: .issued) { $0.brand = "TrustAsia" }
        let reissue = ExampleEstate.certificate("reissue", source: .issued) {
            $0.brand = "TrustAsia"
            $0.reissueOf = "original"
        }
        let wotrus = ExampleEstate.certificate("reissue", source: .issued) {
            $0.brand = "WoTrus"
            $0.reissueOf = "original"
        }
        return RuleExamples(
            passing: [
                RuleExample(
                    "an original without reissues", [original],
                    operations: [ExampleEstate.operation(.revoke, on: "original")]),
                RuleExample(
                    "a WoTrus reissue", [original, wotrus],
                    operations: [ExampleEstate.operation(.revoke, on: "reissue")]),
            ],
            failing: [
                RuleExample(
                    "a reissue on its own", [original, reissue],
                    operations: [ExampleEstate.operation(.revoke, on: "reissue")]),
                RuleExample(
                    "an original with a reissue", [original, reissue],
                    operations: [ExampleEstate.operation(.revoke, on: "original")]),
            ])
    }
}

import CertAuditConsole
import CertAuditCore

/// RVK-OV-EV-LETTER: what a revocation needs besides the click, by brand and product: a reason
/// (`params: reason=…`) and manual review for WoTrus and DNSPod SM2; a stamped revocation
/// application for DNSPod SM2 OV/EV; a stamped confirmation letter for other brands' OV/EV unless
/// validation is automatic. A request without the reason it needs is denied.
public struct RevokeLetterRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.brand + InputColumn.product + InputColumn.standard + InputColumn.automaticValidation + [
            .certificates(.source)
        ]

    public let descriptor = RuleDescriptor(
        id: .rvkOvEvLetter, title: "Revocation reason, letters and manual review", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary:
            "WoTrus (any type) and DNSPod SM2 DV: a reason, then manual review. DNSPod SM2 OV/EV: a reason plus a stamped "
            + "revocation application (jpg/gif/pdf, at most 1.4 MB), then manual review. Other brands' OV/EV: a reason "
            + "plus a stamped confirmation letter (jpg/png/pdf, at most 1.4 MB; not needed with automatic DNS or file "
            + "validation), then manual review.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.revoke]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let record = request.record
        guard record.source == .issued else { return [] }
        let sm2 = record.hasBrand("DNSPod") && record.standard == .sm2
        let needs: String
        if record.hasBrand("WoTrus") || (sm2 && !record.isOrganisationValidated) {
            needs = "manual review"
        } else if sm2 {
            needs = "a stamped revocation application (jpg/gif/pdf, at most 1.4 MB, uploaded once), then manual review"
        } else if record.isOrganisationValidated {
            needs =
                record.validatesAutomatically
                ? "manual review (no confirmation letter: validation is automatic)"
                : "a stamped confirmation letter (jpg/png/pdf, at most 1.4 MB), then manual review"
        } else {
            return []
        }
        if request.parameter("reason") == nil {
            return deny(
                "\(request.reference): a revocation reason is required (params reason=…); it then needs \(needs).")
        }
        return require("\(request.reference): the revocation needs \(needs).")
    }

    public var examples: RuleExamples {
        let ov = ExampleEstate.certificate(source: .issued) {
            $0.brand = "GeoTrust"
            $0.product = .ov
        }
        let dv = ExampleEstate.certificate(source: .issued) {
            $0.brand = "TrustAsia"
            $0.product = .dv
        }
        return RuleExamples(
            passing: [RuleExample("a TrustAsia DV certificate", [dv], operations: [ExampleEstate.operation(.revoke)])],
            failing: [
                RuleExample("GeoTrust OV without a reason", [ov], operations: [ExampleEstate.operation(.revoke)]),
                RuleExample(
                    "GeoTrust OV with a reason needs a letter", [ov],
                    operations: [ExampleEstate.operation(.revoke, ["reason": "key compromise"])]),
            ])
    }
}

import CertAuditConsole
import CertAuditCore

/// RVK-DV-VALIDATION: revoking a DV certificate needs the domain validated (DNS or file) within 3
/// days of the request, or the revocation fails; TrustAsia DV wildcard certificates of 2 or 3 years
/// with automatic validation need none.
public struct RevokeDVValidationRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.issueDate + InputColumn.expiry + InputColumn.brand + InputColumn.product + InputColumn.domainType
        + InputColumn.automaticValidation + [.certificates(.source), .certificates(.validationReady)]

    /// Days after the request by which the domain must be validated.
    public static let deadlineDays: Int64 = 3

    public let descriptor = RuleDescriptor(
        id: .rvkDvValidation, title: "DV revocation needs domain validation within 3 days", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary:
            "DV (other brands): after the request, the domain must be validated (DNS or file) within 3 days, or the "
            + "revocation fails. TrustAsia DV wildcard 2- or 3-year certificates with automatic validation need none.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.revoke]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let record = request.record
        guard record.product == .dv || record.product == .dvFree, record.source == .issued else { return [] }
        if isExempt(request) { return [] }
        let deadline = request.date + Self.deadlineDays
        let ready = record.validationReady == true ? " The validation record is reported in place." : ""
        return require(
            "\(request.reference): validate the domain (DNS or file) by the end of \(deadline), or the revocation "
                + "fails.\(ready)")
    }

    /// TrustAsia DV wildcard, 2 or 3 years, validated automatically.
    private func isExempt(_ request: OperationRequest) -> Bool {
        let record = request.record
        guard record.hasBrand("TrustAsia"), record.domainType == .wildcard, record.validatesAutomatically,
            let notBefore = request.certificate.notBefore, let notAfter = request.certificate.notAfter
        else { return false }
        let issued = request.context.localDate(notBefore)
        return request.context.localDate(notAfter) >= issued.adding(months: 24)
    }

    public var examples: RuleExamples {
        let dv = ExampleEstate.certificate(source: .issued) {
            $0.brand = "DNSPod"
            $0.product = .dv
        }
        let twoYearWildcard = ExampleEstate.certificate(
            source: .issued,
            bundle: ExampleEstate.bundle(
                ExampleEstate.leaf(notBefore: ExampleEstate.day(-600), notAfter: ExampleEstate.day(200)))
        ) {
            $0.brand = "TrustAsia"
            $0.product = .dv
            $0.domainType = .wildcard
            $0.verifyType = .dnsAuto
        }
        let ov = ExampleEstate.certificate(source: .issued) { $0.product = .ov }
        return RuleExamples(
            passing: [
                RuleExample("an OV certificate", [ov], operations: [ExampleEstate.operation(.revoke)]),
                RuleExample(
                    "a 2-year TrustAsia DV wildcard validated automatically", [twoYearWildcard],
                    operations: [ExampleEstate.operation(.revoke)]),
            ],
            failing: [RuleExample("a DNSPod DV certificate", [dv], operations: [ExampleEstate.operation(.revoke)])])
    }
}

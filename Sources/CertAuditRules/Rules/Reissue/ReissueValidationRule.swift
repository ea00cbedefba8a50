import CertAuditConsole
import CertAuditCore

/// RI-VALIDATION: whether a reissue needs the domain validated again. Not within 3 days of issuance,
/// not with the original CSR, not for a paid DV certificate whose company was validated within the
/// last 13 months (`company_validated_on`); otherwise it does (a condition on the verdict). OV/EV
/// of WoTrus or DNSPod also goes to manual review unless the company passed before.
///
/// Decision: "within 13 months" counts calendar months on local dates, inclusive: validated on
/// 2025-10-28, a request up to 2026-11-28 reuses it.
public struct ReissueValidationRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.issueDate + InputColumn.product + InputColumn.brand + InputColumn.domainType + [
            .certificates(.companyValidatedOn), .certificates(.free),
        ]

    public static let reuseMonths = 13
    public static let freshDays: Int64 = 3

    public let descriptor = RuleDescriptor(
        id: .riValidation, title: "When a reissue needs validation again", defaultSeverity: .medium,
        citations: [.consoleGuide(.reissue)],
        summary:
            "No domain validation if submitted within 3 days of issuance, or with the same CSR; a different CSR needs "
            + "validation; paid DV under the same company validated within 13 months needs none. OV/EV of "
            + "WoTrus/DNSPod: manual review unless the company passed before.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.reissue]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let record = request.record
        var reasons: [OperationReason] = []
        if record.isOrganisationValidated, record.hasBrand("WoTrus") || record.hasBrand("DNSPod"),
            record.companyValidatedOn == nil
        {
            reasons += require(
                "\(request.reference): the company has not passed review before; expect a manual review.")
        }
        guard needsValidation(request) else { return reasons }
        return reasons
            + require(
                "\(request.reference): a new CSR needs the domain validated again (DNS or file) before the reissue is issued."
            )
    }

    private func needsValidation(_ request: OperationRequest) -> Bool {
        let record = request.record
        let method = request.parameter("csr")?.lowercased() ?? "original"
        if method == "original" { return false }
        if let issued = request.issuedOn, request.date - issued <= Self.freshDays { return false }
        if record.product == .dv, !record.isFreeDV, let validated = record.companyValidatedOn,
            request.date <= request.context.localDate(validated).adding(months: Self.reuseMonths)
        {
            return false
        }
        return true
    }

    public var examples: RuleExamples {
        func paidDV(validatedOn: LocalDate) -> Certificate {
            ExampleEstate.certificate(source: .issued) {
                $0.product = .dv
                $0.companyValidatedOn = RunTimeZone.shanghai.instant(of: validatedOn)
            }
        }
        let online = ExampleEstate.operation(.reissue, ["csr": "online"])
        return RuleExamples(
            passing: [
                RuleExample(
                    "the original CSR", [ExampleEstate.certificate(source: .issued)],
                    operations: [ExampleEstate.operation(.reissue)]),
                RuleExample(
                    "paid DV validated exactly 13 months before",
                    [paidDV(validatedOn: LocalDate(year: 2025, month: 10, day: 28)!)],
                    operations: [online]),
            ],
            failing: [
                RuleExample("a new CSR", [ExampleEstate.certificate(source: .issued)], operations: [online]),
                RuleExample(
                    "paid DV validated 13 months and a day before",
                    [paidDV(validatedOn: LocalDate(year: 2025, month: 10, day: 27)!)], operations: [online]),
            ])
    }
}

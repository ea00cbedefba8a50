import CertAuditConsole
import CertAuditCore

/// RI-FREE-ONCE: a free DV certificate can be reissued once: `reissue_count` from the inventory
/// plus the reissues allowed earlier in `operations.csv`.
public struct ReissueFreeOnceRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.product + [.certificates(.free), .certificates(.reissueCount)]

    public let descriptor = RuleDescriptor(
        id: .riFreeOnce, title: "A free DV certificate is reissued once", defaultSeverity: .medium,
        citations: [.consoleGuide(.reissue)], summary: "A free DV certificate can be reissued once.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.reissue]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        guard request.record.isFreeDV, let count = request.record.reissueCount, count >= 1 else { return [] }
        return deny(
            "\(request.reference): \(request.certificate.id) is a free DV certificate already reissued \(count) "
                + "time\(count == 1 ? "" : "s"); it can be reissued once.")
    }

    public var examples: RuleExamples {
        func free(reissued: Int) -> Certificate {
            ExampleEstate.certificate(source: .issued) {
                $0.product = .dvFree
                $0.reissueCount = reissued
            }
        }
        return RuleExamples(
            passing: [
                RuleExample("never reissued", [free(reissued: 0)], operations: [ExampleEstate.operation(.reissue)])
            ],
            failing: [
                RuleExample(
                    "reissued once already", [free(reissued: 1)], operations: [ExampleEstate.operation(.reissue)]),
                RuleExample(
                    "a second request in operations.csv", [free(reissued: 0)],
                    operations: [
                        ExampleEstate.operation(.reissue),
                        ExampleEstate.operation(.reissue, at: ExampleEstate.day(10), line: 3),
                    ]),
            ])
    }
}

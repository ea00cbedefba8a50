import CertAuditCore

/// RI-IN-PROGRESS: a certificate being reissued (the inventory says `reissuing`, or a reissue was
/// allowed earlier in `operations.csv` and is still under review, REV-DURATION) cannot be reissued
/// again.
public struct ReissueInProgressRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = [.certificates(.status)] + InputColumn.issueDate

    public let descriptor = RuleDescriptor(
        id: .riInProgress, title: "No reissue while one is in progress", defaultSeverity: .medium,
        citations: [.consoleGuide(.reissue)], summary: "A certificate being reissued cannot be reissued again.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.reissue]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        guard request.record.status == .reissuing else { return [] }
        let id = request.certificate.id
        if let earlier = request.history.reissue(of: id, on: request.date) {
            return deny(
                "\(request.reference): \(id) is being reissued (operations.csv line \(earlier.line), under review until "
                    + "\(earlier.review.end)).")
        }
        return deny("\(request.reference): \(id) is being reissued; wait until that reissue is done.")
    }

    public var examples: RuleExamples {
        let issued = ExampleEstate.certificate(source: .issued) { $0.product = .ov }
        let reissuing = ExampleEstate.certificate(source: .issued) { $0.status = .reissuing }
        // An OV reissue takes 5 working days in the worst case: requested Saturday 2026-11-28, it is
        // under review until Friday 2026-12-04.
        return RuleExamples(
            passing: [
                RuleExample(
                    "a second request after the first is done", [issued],
                    operations: [
                        ExampleEstate.operation(.reissue),
                        ExampleEstate.operation(.reissue, at: ExampleEstate.day(7), line: 3),
                    ])
            ],
            failing: [
                RuleExample(
                    "the inventory says reissuing", [reissuing], operations: [ExampleEstate.operation(.reissue)]),
                RuleExample(
                    "a second request during the review", [issued],
                    operations: [
                        ExampleEstate.operation(.reissue),
                        ExampleEstate.operation(.reissue, at: ExampleEstate.day(6), line: 3),
                    ]),
            ])
    }
}

import CertAuditCore

/// RVK-BEFORE-2020: certificates issued before 2020-03-25 cannot be revoked self-service.
///
/// Decision: the issue date is the local date (run time zone, as the console shows it) of the
/// leaf's notBefore, or of the inventory's `issued_at` for a row without a bundle; with neither the
/// rule has nothing to say.
public struct RevokeBefore2020Rule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate

    /// The first issue date whose certificates can be revoked self-service.
    public static let selfServiceFrom = LocalDate(year: 2020, month: 3, day: 25)!

    public let descriptor = RuleDescriptor(
        id: .rvkBefore2020, title: "Issued on or after 2020-03-25 to revoke self-service", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary: "Certificates issued before 2020-03-25 cannot be revoked self-service.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.revoke]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        guard let issued = request.issuedOn, issued < Self.selfServiceFrom else { return [] }
        return deny(
            "\(request.reference): \(request.certificate.id) was issued on \(issued), before 2020-03-25; it cannot be "
                + "revoked self-service (contact support).")
    }

    public var examples: RuleExamples {
        func issued(_ day: Int) -> Certificate {
            let notBefore = RunTimeZone.shanghai.instant(of: LocalDate(year: 2020, month: 3, day: day)!)
            return ExampleEstate.certificate(
                source: .issued,
                bundle: ExampleEstate.bundle(ExampleEstate.leaf(notBefore: notBefore, notAfter: ExampleEstate.day(120)))
            )
        }
        return RuleExamples(
            passing: [RuleExample("issued 2020-03-25", [issued(25)], operations: [ExampleEstate.operation(.revoke)])],
            failing: [RuleExample("issued 2020-03-24", [issued(24)], operations: [ExampleEstate.operation(.revoke)])])
    }
}

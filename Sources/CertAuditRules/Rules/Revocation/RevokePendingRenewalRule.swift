import CertAuditCore

/// RVK-PENDING-RENEWAL: a certificate within 30 days of expiry is pending renewal and cannot be
/// revoked.
///
/// Decision: the console shows an issued certificate as pending renewal (待续费) from 30 natural days
/// before its expiry date, 30 included (the same window as CERT-EXPIRING's default and RI-WINDOW's
/// "more than 30"); days are counted from the request's local date.
public struct RevokePendingRenewalRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + [.certificates(.status)]

    /// Days before expiry (inclusive) from which a certificate is pending renewal.
    public static let windowDays: Int64 = 30

    public let descriptor = RuleDescriptor(
        id: .rvkPendingRenewal, title: "No revocation while pending renewal", defaultSeverity: .medium,
        citations: [.consoleGuide(.revocation)],
        summary: "A certificate within 30 days of expiry in the pending-renewal state cannot be revoked.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.revoke]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        guard !request.isExpired, let left = request.daysLeft, left <= Self.windowDays else { return [] }
        return deny(
            "\(request.reference): \(request.certificate.id) has \(left) days left and is pending renewal; it cannot be "
                + "revoked within 30 days of expiry.")
    }

    public var examples: RuleExamples {
        // The example certificate expires 120 days after the as-of date.
        let issued = ExampleEstate.certificate(source: .issued)
        return RuleExamples(
            passing: [
                RuleExample(
                    "31 days left", [issued], operations: [ExampleEstate.operation(.revoke, at: ExampleEstate.day(89))])
            ],
            failing: [
                RuleExample(
                    "30 days left", [issued], operations: [ExampleEstate.operation(.revoke, at: ExampleEstate.day(90))])
            ])
    }
}

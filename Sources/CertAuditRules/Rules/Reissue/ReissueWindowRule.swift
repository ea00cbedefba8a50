import CertAuditCore

/// RI-WINDOW: only issued certificates with more than 30 natural days before expiry (counted from
/// the request's date) can be reissued; an uploaded certificate is reissued by its own CA.
public struct ReissueWindowRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + [.certificates(.status), .certificates(.source)]

    /// A reissue needs more than this many days left.
    public static let minimumDaysExclusive: Int64 = 30

    public let descriptor = RuleDescriptor(
        id: .riWindow, title: "Reissue only with more than 30 days left", defaultSeverity: .medium,
        citations: [.consoleGuide(.reissue)],
        summary: "Only issued certificates with more than 30 days before expiry can be reissued.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.reissue]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let id = request.certificate.id
        if request.record.source == .uploaded {
            return deny(
                "\(request.reference): \(id) was uploaded; only certificates the platform issued can be reissued here.")
        }
        switch request.state {
        case .issued?, .reissuing?, .revoking?, .revoked?, .pendingRevocationLetter?:
            break  // being reissued or revoked: RI-IN-PROGRESS and RVK-EFFECT say why
        case nil where request.certificate.hasBundle:
            break
        case let state:
            return deny(
                "\(request.reference): \(id) is \(state?.rawValue ?? "not issued"); only an issued certificate can be reissued."
            )
        }
        guard let left = request.daysLeft, left <= Self.minimumDaysExclusive else { return [] }
        return deny("\(request.reference): \(id) has \(left) days left; a reissue needs more than 30.")
    }

    public var examples: RuleExamples {
        // The example certificate expires 120 days after the as-of date.
        let issued = ExampleEstate.certificate(source: .issued)
        return RuleExamples(
            passing: [
                RuleExample(
                    "31 days left", [issued], operations: [ExampleEstate.operation(.reissue, at: ExampleEstate.day(89))]
                )
            ],
            failing: [
                RuleExample(
                    "30 days left", [issued], operations: [ExampleEstate.operation(.reissue, at: ExampleEstate.day(90))]
                ),
                RuleExample(
                    "an uploaded certificate", [ExampleEstate.certificate()],
                    operations: [ExampleEstate.operation(.reissue)]),
            ])
    }
}

import CertAuditCore

extension ExampleEstate {
    /// A requested operation on `certificateID`, `days` whole days after the as-of time.
    public static func operation(
        _ kind: OperationRecord.Kind, on certificateID: String = "cert-1", at instant: Instant = asOf,
        line: Int = 2, _ parameters: [String: String] = [:]
    ) -> OperationRecord {
        OperationRecord(
            line: line, requestedAt: instant, certificateID: certificateID, kind: kind,
            parameters: parameters.sorted { $0.key < $1.key }.map { Tag(key: $0.key, value: $0.value) })
    }
}

extension RuleExample {
    /// An estate of certificates, resources and requested operations.
    public init(
        _ name: String, _ certificates: [Certificate], operations: [OperationRecord],
        resources: [ResourceRecord] = []
    ) {
        self.init(
            name,
            estate: Estate(
                certificates: certificates, resources: resources,
                lifecycle: LifecycleInputs(operations: operations)))
    }
}

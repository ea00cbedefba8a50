/// One requested operation and its verdict (`<operations><operation>`): allowed or denied, with
/// every rule's reason (denials first, then conditions).
public struct ReportOperation: Sendable, Hashable {
    public var requestedAt: String
    /// The row of `operations.csv`.
    public var line: Int
    public var certificate: String
    public var kind: String
    public var requestedBy: String?
    /// `allowed` or `denied`.
    public var verdict: String
    /// The first rule that denies it (catalogue order); nil when allowed.
    public var rule: String?
    public var reasons: [ReportOperationReason]

    public init(
        requestedAt: String, line: Int, certificate: String, kind: String, requestedBy: String? = nil,
        verdict: String, rule: String? = nil, reasons: [ReportOperationReason] = []
    ) {
        self.requestedAt = requestedAt
        self.line = line
        self.certificate = certificate
        self.kind = kind
        self.requestedBy = requestedBy
        self.verdict = verdict
        self.rule = rule
        self.reasons = reasons
    }
}

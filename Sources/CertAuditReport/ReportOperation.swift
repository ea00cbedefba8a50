/// One requested operation and its verdict (`<operations><operation>`). Empty until the
/// operations stage fills it.
public struct ReportOperation: Sendable, Hashable {
    public var requestedAt: String
    public var certificate: String
    public var kind: String
    /// `allowed` or `denied`.
    public var verdict: String
    public var rule: String?

    public init(requestedAt: String, certificate: String, kind: String, verdict: String, rule: String? = nil) {
        self.requestedAt = requestedAt
        self.certificate = certificate
        self.kind = kind
        self.verdict = verdict
        self.rule = rule
    }
}

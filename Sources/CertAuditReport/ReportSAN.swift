/// One subjectAltName (`<san type="dns">`).
public struct ReportSAN: Sendable, Hashable {
    /// `dns`, `ip`, `email` or `uri`.
    public var type: String
    public var value: String
}

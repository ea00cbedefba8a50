/// A resource serving a certificate (`<certificate><resource>`).
public struct ReportBoundResource: Sendable, Hashable {
    public var id: String
    public var type: String
}

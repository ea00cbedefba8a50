/// One dated event of the simulation (`<timeline><event>`). Empty until the simulation stage fills
/// it; the type exists so the section's shape is fixed now.
public struct ReportTimelineEvent: Sendable, Hashable {
    public var date: String
    public var kind: String
    public var certificate: String?
    public var resource: String?
    public var account: String?
    public var package: String?
    /// CNY decimal, as text so no floating point touches money.
    public var amount: String?
    public var points: String?

    public init(
        date: String, kind: String, certificate: String? = nil, resource: String? = nil, account: String? = nil,
        package: String? = nil, amount: String? = nil, points: String? = nil
    ) {
        self.date = date
        self.kind = kind
        self.certificate = certificate
        self.resource = resource
        self.account = account
        self.package = package
        self.amount = amount
        self.points = points
    }
}

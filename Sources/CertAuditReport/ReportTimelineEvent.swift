/// One dated event of the simulation (`<timeline><event>`, `timeline.csv`).
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
    public var policy: String?
    public var times: String?
    /// `sent` or `not-sent`: whether the console sends its message (hosting events).
    public var message: String?
    public var detail: String?
    /// Each receiver and channel of an alert, and whether it can be delivered.
    public var deliveries: [ReportDelivery]

    public init(
        date: String, kind: String, certificate: String? = nil, resource: String? = nil, account: String? = nil,
        package: String? = nil, amount: String? = nil, points: String? = nil, policy: String? = nil,
        times: String? = nil, message: String? = nil, detail: String? = nil, deliveries: [ReportDelivery] = []
    ) {
        self.date = date
        self.kind = kind
        self.certificate = certificate
        self.resource = resource
        self.account = account
        self.package = package
        self.amount = amount
        self.points = points
        self.policy = policy
        self.times = times
        self.message = message
        self.detail = detail
        self.deliveries = deliveries
    }
}

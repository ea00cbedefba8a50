/// One resource's outage, under way or predicted: a row of the outage calendar.
public struct ReportOutage: Sendable, Hashable {
    public var resource: String
    public var resourceType: String
    public var certificate: String
    /// `YYYY-MM-DD`, the first day out.
    public var date: String
    /// Days from the as-of date to `date`: negative when the outage is already under way.
    public var daysFromAsOf: Int64
    /// Before the as-of date: the outage is already under way.
    public var underWay: Bool { daysFromAsOf < 0 }
    /// The chain of causes, oldest first.
    public var causes: [String]

    public init(
        resource: String, resourceType: String, certificate: String, date: String, daysFromAsOf: Int64, causes: [String]
    ) {
        self.resource = resource
        self.resourceType = resourceType
        self.certificate = certificate
        self.date = date
        self.daysFromAsOf = daysFromAsOf
        self.causes = causes
    }
}

/// One resource's outage, under way or predicted: a row of the outage calendar.
public struct ReportOutage: Sendable, Hashable {
    public var resource: String
    public var resourceType: String
    public var certificate: String
    /// `YYYY-MM-DD`, the first day out.
    public var date: String
    /// Before the as-of date: the outage is already under way.
    public var underWay: Bool
    /// The chain of causes, oldest first.
    public var causes: [String]

    public init(
        resource: String, resourceType: String, certificate: String, date: String, underWay: Bool, causes: [String]
    ) {
        self.resource = resource
        self.resourceType = resourceType
        self.certificate = certificate
        self.date = date
        self.underWay = underWay
        self.causes = causes
    }
}

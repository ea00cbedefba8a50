/// A resource that serves — or, per the simulation, will serve — an expired or revoked certificate
/// (RES-EXPIRED-BINDING): the outage calendar's entries.
public struct Outage: Sendable, Hashable, Comparable {
    public var resourceID: String
    public var resourceType: ResourceType
    /// The certificate the resource serves when it goes out (for a successor, the one it succeeds).
    public var certificateID: String
    /// The first day the resource is out (RULES.md §0); before the as-of date for an outage under way.
    public var date: LocalDate
    /// What led there, oldest first ("auto-renewal charge failed 2026-12-11 (…)", …).
    public var causes: [String]

    public init(
        resourceID: String, resourceType: ResourceType, certificateID: String, date: LocalDate, causes: [String]
    ) {
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.certificateID = certificateID
        self.date = date
        self.causes = causes
    }

    public static func < (lhs: Outage, rhs: Outage) -> Bool {
        (lhs.date, lhs.resourceID) < (rhs.date, rhs.resourceID)
    }
}

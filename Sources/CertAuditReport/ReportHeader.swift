/// The attributes of the report's root element.
public struct ReportHeader: Sendable, Hashable {
    /// Bumped only when an element or attribute is removed or renamed (REPORTS.md).
    public static let schemaVersion = 1
    public static let namespace = "urn:certaudit:report:1"

    public var schemaVersion: Int
    /// `certaudit X.Y.Z`.
    public var generator: String
    /// The as-of time, ISO 8601 in the run's time zone.
    public var asOf: String
    public var timeZone: String
    public var horizonDays: Int
}

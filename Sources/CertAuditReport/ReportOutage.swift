import CertAuditCore

/// One resource's outage, under way or predicted: a row of the outage calendar. A view of the
/// simulation's `Outage`, not a copy: its text is cleaned when read. The reports show at most a few
/// hundred outages' text and count the rest, and a million-certificate estate has hundreds of
/// thousands of them (copied, their causes were 90 bytes an outage, kept until the run ended).
public struct ReportOutage: Sendable, Hashable {
    private let outage: Outage
    /// Days from the as-of date to `date`: negative when the outage is already under way.
    public let daysFromAsOf: Int64

    public init(_ outage: Outage, asOf: LocalDate) {
        self.outage = outage
        self.daysFromAsOf = outage.date - asOf
    }

    public var resource: String { ReportText.clean(outage.resourceID) }
    public var resourceType: String { ReportText.clean(outage.resourceType.name) }
    public var certificate: String { ReportText.clean(outage.certificateID) }
    /// `YYYY-MM-DD`, the first day out.
    public var date: String { outage.date.description }
    /// Before the as-of date: the outage is already under way.
    public var underWay: Bool { daysFromAsOf < 0 }
    /// The chain of causes, oldest first.
    public var causes: [String] { outage.causes.map(ReportText.clean) }
}

/// A rule's entry in the HTML rule reference, anchored so findings can link to it.
public struct ReportRule: Sendable, Hashable {
    public var id: String
    public var title: String
    public var severity: String
    /// The sources in one line (`; `-separated), as `certaudit rules` prints them.
    public var citation: String
    /// Each source on its own, with its address: the XML's `<source>` elements and the HTML's links.
    public var sources: [ReportRuleSource]
    public var summary: String
    public var status: String
    /// Why a rule is not checked here (simulation, not applicable); empty when it is.
    public var statusNote: String
}

/// A rule's entry in the HTML rule reference, anchored so findings can link to it.
public struct ReportRule: Sendable, Hashable {
    public var id: String
    public var title: String
    public var severity: String
    public var citation: String
    public var summary: String
    public var status: String
    /// Why a rule is not checked here (simulation, not applicable); empty when it is.
    public var statusNote: String
}

/// One public source a rule cites, as the rule reference shows it: words for people, and where to
/// open it when it is on the web.
public struct ReportRuleSource: Sendable, Hashable {
    public var text: String
    /// An https address, or nil (the console guide's chapters are cited by title).
    public var address: String?
}

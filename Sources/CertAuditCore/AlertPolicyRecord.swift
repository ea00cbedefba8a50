/// One accepted row of `alert_policies.csv`: a custom expiry alert (ALERT-POLICY).
public struct AlertPolicyRecord: Sendable, Hashable {
    /// Which certificates the policy watches.
    public enum Selection: Sendable, Hashable {
        case all
        case certificates([String])
        case tag(Tag)
    }

    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case below = "<"
        case atOrBelow = "<="
    }

    public enum Repeat: Sendable, Hashable {
        case once
        case everyHours(Int)
    }

    public var line: Int
    public var id: String
    public var name: String?
    public var selection: Selection
    public var thresholdDays: Int
    public var comparison: Comparison
    public var periodMinutes: Int
    public var repeats: Repeat
    public var receivers: [String]

    public init(
        line: Int, id: String, selection: Selection, thresholdDays: Int, comparison: Comparison = .below,
        periodMinutes: Int = 1, repeats: Repeat = .once, receivers: [String] = []
    ) {
        self.line = line
        self.id = id
        self.selection = selection
        self.thresholdDays = thresholdDays
        self.comparison = comparison
        self.periodMinutes = periodMinutes
        self.repeats = repeats
        self.receivers = receivers
    }
}

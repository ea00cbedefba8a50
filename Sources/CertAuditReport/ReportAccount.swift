/// One account of the entitlements section (`<entitlements><account>`): its balance at the as-of
/// time and the first day the simulation finds it short of money or points.
public struct ReportAccount: Sendable, Hashable {
    public var id: String
    /// CNY with two decimals at the as-of time; nil when it did not parse.
    public var balance: String?
    public var shortfallDate: String?

    public init(id: String, balance: String?, shortfallDate: String? = nil) {
        self.id = id
        self.balance = balance
        self.shortfallDate = shortfallDate
    }
}

/// One account of the entitlements section (`<entitlements><account>`). Empty until the
/// entitlement stage fills it.
public struct ReportAccount: Sendable, Hashable {
    public var id: String
    public var balance: String
    public var shortfallDate: String?

    public init(id: String, balance: String, shortfallDate: String? = nil) {
        self.id = id
        self.balance = balance
        self.shortfallDate = shortfallDate
    }
}

/// One points package of the entitlements section (`<entitlements><package>`): packages.csv's
/// figures at the as-of time, and what the simulation finds it forfeits at its expiry.
public struct ReportPackage: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var account: String?
    public var total: String?
    public var remaining: String?
    public var expires: String?
    public var status: String?
    public var forfeit: String?

    public init(
        id: String, name: String? = nil, account: String? = nil, total: String?, remaining: String?,
        expires: String? = nil,
        status: String? = nil, forfeit: String? = nil
    ) {
        self.id = id
        self.name = name
        self.account = account
        self.total = total
        self.remaining = remaining
        self.expires = expires
        self.status = status
        self.forfeit = forfeit
    }
}
